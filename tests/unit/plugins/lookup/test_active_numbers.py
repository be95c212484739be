# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The active_numbers lookup against the simulator."""

from __future__ import annotations

import base64

import pytest
from ansible.errors import AnsibleLookupError
from ansible.plugins.loader import lookup_loader

from ..plugin_utils.running_simulator import KEY_ID, KEY_SECRET


@pytest.fixture
def lookup():
    return lookup_loader.get("sinch.numbers.active_numbers")


def seed_data(simulator):
    simulator.seed(regionCode="US", type="LOCAL", count=5, displayNamePrefix="support-",
                   smsConfiguration={"servicePlanId": "plan-support"})
    simulator.seed(regionCode="US", type="TOLL_FREE", count=2, capability=["VOICE"], displayNamePrefix="ivr-")
    simulator.seed(regionCode="SE", type="MOBILE", count=1, capability=["SMS"])
    simulator.clear_log()


def test_returns_snake_case_numbers_paging_with_the_largest_page(simulator, lookup):
    seed_data(simulator)
    numbers = lookup.run([], {}, **simulator.options(region_codes=["US"], number_types=["LOCAL"]))
    assert [n["display_name"] for n in numbers] == ["support-%d" % i for i in range(1, 6)]
    assert numbers[0]["sms_configuration"]["service_plan_id"] == "plan-support"
    assert numbers[0]["region_code"] == "US" and numbers[0]["type"] == "LOCAL"
    [request] = simulator.requests()
    assert request["query"]["pageSize"] == ["1000"]


def test_small_pages_take_ceil_n_over_page_size_requests(simulator, lookup):
    seed_data(simulator)
    numbers = lookup.run([], {}, **simulator.options(region_code="US", number_type="LOCAL", page_size=2))
    assert len(numbers) == 5
    assert len(simulator.list_requests()) == 3


def test_without_regions_every_offered_pair_is_listed(simulator, lookup):
    seed_data(simulator)
    numbers = lookup.run([], {}, **simulator.options())
    assert len(numbers) == 8
    paths = [entry["path"] for entry in simulator.requests()]
    assert paths[0].endswith("/availableRegions")
    # the simulator offers 4 regions x 3 types
    assert len(simulator.list_requests()) == 12


def test_capability_and_pattern_are_filtered_by_the_api(simulator, lookup):
    seed_data(simulator)
    numbers = lookup.run([], {}, **simulator.options(region_codes=["US"], number_types=["TOLL_FREE", "LOCAL"],
                                                     capabilities=["VOICE"], number_pattern="+1833"))
    assert [n["display_name"] for n in numbers] == ["ivr-1", "ivr-2"]
    queries = [entry["query"] for entry in simulator.list_requests()]
    assert all(q["capability"] == ["VOICE"] and q["numberPattern.pattern"] == ["+1833"] for q in queries)


def test_display_name_pattern_is_filtered_after_listing(simulator, lookup):
    seed_data(simulator)
    numbers = lookup.run([], {}, **simulator.options(region_codes=["US"], display_name_pattern="ivr-*"))
    assert [n["display_name"] for n in numbers] == ["ivr-1", "ivr-2"]
    assert len(simulator.list_requests()) == 3
    assert not any("ivr" in str(entry["query"]) for entry in simulator.requests())


def test_credentials_fall_back_to_the_environment(simulator, lookup, monkeypatch):
    seed_data(simulator)
    for name, value in simulator.environment().items():
        monkeypatch.setenv(name, value)
    numbers = lookup.run([], {}, region_codes="SE")
    assert [n["region_code"] for n in numbers] == ["SE"]


AWX_BLANK = ("SINCH_AUTH_METHOD", "SINCH_IMPORTED_NUMBERS_URL", "SINCH_REGISTRATIONS_URL", "SINCH_TIMEOUT",
             "SINCH_RETRIES", "SINCH_RETRY_MAX_DELAY", "SINCH_VALIDATE_CERTS")


def test_empty_variables_and_options_are_unset_as_awx_injects_them(simulator, lookup, monkeypatch):
    seed_data(simulator)
    for name, value in simulator.environment().items():
        monkeypatch.setenv(name, value)
    for name in AWX_BLANK:
        monkeypatch.setenv(name, "")
    numbers = lookup.run([], {}, region_codes="SE", number_types="", display_name_pattern="", page_size="",
                         auth_method="", key_id="")
    assert [n["region_code"] for n in numbers] == ["SE"]
    assert {entry["auth"] for entry in simulator.requests()} == {"basic"}


def test_oauth2_fetches_one_token_for_the_whole_listing(simulator, lookup):
    seed_data(simulator)
    lookup.run([], {}, **simulator.options(auth_method="oauth2", region_codes=["US"], page_size=1))
    requests = simulator.requests()
    assert [entry["path"] for entry in requests].count("/oauth2/token") == 1
    assert {entry["auth"] for entry in requests if entry["path"] != "/oauth2/token"} == {"bearer"}


@pytest.mark.parametrize("terms, options, message", [
    (["US"], {}, "takes no terms, got 1: pass filters as keyword arguments"),
    ([], {"regions": ["US"]}, "unknown option 'regions' (did you mean 'region_codes'?)"),
    ([], {"region_codes": ["USA"]}, "region_codes 'USA' is not an ISO 3166-1 alpha-2 region code"),
    ([], {"page_size": 0}, "page_size must be a whole number from 1 to 1000"),
    ([], {"key_secret": None}, "missing Sinch credentials: key_secret"),
])
def test_bad_options_fail_before_any_request(simulator, lookup, terms, options, message):
    settings = simulator.options()
    settings.update(options)
    with pytest.raises(AnsibleLookupError) as caught:
        lookup.run(terms, {}, **{k: v for k, v in settings.items() if v is not None})
    assert message in str(caught.value)
    assert simulator.requests() == []


def test_api_errors_are_clear_and_never_carry_the_secret(simulator, lookup):
    with pytest.raises(AnsibleLookupError) as caught:
        lookup.run([], {}, **simulator.options(key_secret="wrong-" + KEY_SECRET, region_codes=["US"]))
    message = str(caught.value)
    assert "401" in message and "check key_id and key_secret" in message
    basic = base64.b64encode(("%s:wrong-%s" % (KEY_ID, KEY_SECRET)).encode()).decode()
    assert KEY_SECRET not in message and basic not in message
