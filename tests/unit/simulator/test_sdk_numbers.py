"""The official Sinch Python SDK drives the simulator's Numbers API (every call below is the SDK's).

A failure here is a simulator bug unless tests/simulator/README.md records the deviation.
"""

import pytest
from sinch.domains.numbers.api.v1.exceptions import NumberNotFoundException

from sdk_helpers import pinned_sdk_version, sdk, sdk_version  # noqa: F401  pylint: disable=unused-import
from sim_helpers import PROJECT, seed_active, wait_until


def calls(sim, method, suffix):
    return [entry for entry in sim.requests() if entry["method"] == method and entry["path"].endswith(suffix)]


def provisioned(client, phone):
    """The active number once no SMS provisioning is scheduled any more, else None."""
    number = client.numbers.get(phone_number=phone)
    return number if number.sms_configuration.scheduled_provisioning is None else None


def test_the_sdk_is_the_pinned_version():
    assert sdk_version() == pinned_sdk_version()


def test_available_regions(sdk):
    regions = {region.region_code: region for region in sdk.numbers.regions.list().content()}
    assert {"US", "GB", "SE", "DE"} <= set(regions)
    assert set(regions["US"].types) == {"MOBILE", "LOCAL", "TOLL_FREE"}
    assert regions["GB"].region_name == "United Kingdom"


def test_search_with_capabilities_and_a_pattern(sdk):
    found = sdk.numbers.search_for_available_numbers(
        region_code="US", number_type="LOCAL", capabilities=["SMS", "VOICE"],
        number_pattern="0100", number_search_pattern="END").content()
    assert found and all(number.phone_number.endswith("0100") for number in found)
    assert all({"SMS", "VOICE"} <= set(number.capability) for number in found)
    assert all(number.region_code == "US" and number.type == "LOCAL" for number in found)


def test_rent_with_sms_configuration_provisions_later(sdk):
    phone = sdk.numbers.search_for_available_numbers(region_code="US", number_type="LOCAL",
                                                     capabilities=["SMS"]).content()[0].phone_number
    active = sdk.numbers.rent(phone_number=phone, sms_configuration={"service_plan_id": "plan-a"})
    assert active.phone_number == phone and active.project_id == PROJECT
    assert active.sms_configuration.scheduled_provisioning.status == "WAITING"
    assert active.sms_configuration.scheduled_provisioning.service_plan_id == "plan-a"
    done = wait_until(lambda: provisioned(sdk, phone))
    assert done.sms_configuration.service_plan_id == "plan-a"


def test_rent_any_matching_a_pattern(sdk):
    active = sdk.numbers.rent_any(region_code="US", number_type="TOLL_FREE", capabilities=["SMS"],
                                  number_pattern={"pattern": "+1833", "search_pattern": "START"})
    assert active.phone_number.startswith("+1833")
    assert active.type == "TOLL_FREE" and active.region_code == "US"
    assert sdk.numbers.get(phone_number=active.phone_number).phone_number == active.phone_number


def test_get_update_and_release(sim, sdk):
    phone = sdk.numbers.search_for_available_numbers(region_code="SE", number_type="MOBILE",
                                                     capabilities=["VOICE"]).content()[0].phone_number
    sdk.numbers.rent(phone_number=phone)
    updated = sdk.numbers.update(phone_number=phone, display_name="desk",
                                 voice_configuration={"type": "RTC", "app_id": "app-1"})
    assert updated.display_name == "desk"
    scheduled = updated.voice_configuration.scheduled_voice_provisioning
    assert scheduled.app_id == "app-1" and scheduled.status == "WAITING"
    assert sdk.numbers.get(phone_number=phone).display_name == "desk"
    assert calls(sim, "PATCH", phone) and calls(sim, "PATCH", phone)[-1]["body"]["displayName"] == "desk"

    released = sdk.numbers.release(phone_number=phone)
    assert released.phone_number == phone and released.expire_at is not None
    with pytest.raises(NumberNotFoundException) as caught:
        sdk.numbers.get(phone_number=phone)
    assert caught.value.response_status_code == 404


def test_list_follows_page_tokens(sim, sdk, admin):
    seed_active(admin, 5, region="GB", number_type="MOBILE", displayNamePrefix="fleet-")
    paginator = sdk.numbers.list(region_code="GB", number_type="MOBILE", page_size=2)
    assert len(paginator.content()) == 2 and paginator.has_next_page
    names = [number.display_name for number in paginator.iterator()]
    assert sorted(names) == [f"fleet-{n}" for n in range(1, 6)]
    assert len(calls(sim, "GET", "/activeNumbers")) == 3


def test_callback_configuration(sdk):
    assert sdk.numbers.event_destinations.update(hmac_secret="hmac-1").hmac_secret == "hmac-1"
    current = sdk.numbers.event_destinations.get()
    assert current.project_id == PROJECT and current.hmac_secret == "hmac-1"
