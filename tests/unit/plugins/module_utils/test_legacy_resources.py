# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The application-numbers and rented-numbers resources, over a fake legacy API."""

from __future__ import annotations

import copy

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchAmbiguousWriteError,
    SinchError,
    SinchInputError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.app_numbers import AppNumbersResource
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import LegacyConfig
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.errors import LegacyApiError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.rented_numbers import RentedNumbersResource
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.selection import GroupSelection

from .fake_session import FakeSession

APP = "bb7b4e39-4227-4913-8c81-2db4abb54fb3"
OTHER = "5a0c6e0e-52b5-4e1b-9a37-4b8e3f7c1d20"


def number(phone, group_id=13, capability="voice", app=None, country="US", city="SAN FRANCISCO", area="415"):
    return {"phone_number": phone, "group_id": group_id, "capabilities": [capability], "application_key": app,
            "country_id": country, "city": city, "area_code": area}


def group(group_id, kind="Voice", availability=5, country="US", city="SAN FRANCISCO", area="415"):
    return {"group_id": group_id, "type": kind, "availability": availability, "country_id": country, "city": city,
            "area_code": area}


class FakeApi:
    """Keeps rented numbers and groups; records every write."""

    def __init__(self, rented, groups=(), checkout_error=None, checkout_applies=True):
        self.rented = {item["phone_number"]: item for item in copy.deepcopy(list(rented))}
        self.groups = list(groups)
        self.writes = []
        self.reads = []
        self.checkout_error = checkout_error
        self.checkout_applies = checkout_applies
        self._reserved = {}

    def rented_numbers(self):
        self.reads.append("rented")
        return [copy.deepcopy(self.rented[key]) for key in sorted(self.rented)]

    def application_numbers(self, key):
        self.reads.append("application")
        return [copy.deepcopy(item) for item in self.rented_numbers() if item["application_key"] == key]

    def set_application_numbers(self, key, capability, numbers):
        self.writes.append(("PUT", capability, list(numbers)))
        for item in self.rented.values():
            if item["application_key"] == key and capability in item["capabilities"]:
                item["application_key"] = None
        for phone in numbers:
            self.rented[phone]["application_key"] = key
        return self.application_numbers(key)

    def remove_application_number(self, key, phone):
        self.writes.append(("DELETE", phone))
        if self.rented[phone]["application_key"] == key:
            self.rented[phone]["application_key"] = None

    def shop_groups(self):
        self.reads.append("shop")
        return copy.deepcopy(self.groups)

    def reserve(self, group_id, quantity):
        self.writes.append(("reserve", group_id, quantity))
        reference = "ref-%d" % len(self.writes)
        self._reserved[reference] = (group_id, quantity)
        return reference

    def checkout(self, references):
        self.writes.append(("checkout", list(references)))
        if self.checkout_applies:
            for reference in references:
                group_id, quantity = self._reserved.pop(reference)
                for index in range(quantity):
                    phone = "+1415999%04d" % (len(self.rented) + index)
                    self.rented[phone] = number(phone, group_id)
        if self.checkout_error:
            error, self.checkout_error = self.checkout_error, None
            raise error


class FakeModule:
    def __init__(self, api, check_mode=False, **params):
        self.api = api
        self.params = params
        self.check_mode = check_mode
        self.warnings = []
        config = LegacyConfig(email="jane@example.com", password="x")
        transport = SinchClient(ClientConfig(retries=2), session=FakeSession(), sleep=lambda _seconds: None)
        self.client = type("Client", (), {"config": config, "transport": transport})()

    def warn(self, message):
        self.warnings.append(message)


def app_numbers(api, numbers, state="present", exclusive=False, capability="voice", check_mode=False):
    module = FakeModule(api, check_mode, application_key=APP, capability=capability, numbers=numbers,
                        state=state, exclusive=exclusive)
    return AppNumbersResource(module).run(), module


RENTED = [number("+14150005550"), number("+14150005551", app=APP), number("+14150005552"),
          number("+15045550100", 75, "sms", app=APP)]


def test_present_adds_to_the_list_with_one_put():
    api = FakeApi(RENTED)
    result, _module = app_numbers(api, ["14150005550"])
    assert result["changed"] is True
    assert api.writes == [("PUT", "voice", ["+14150005550", "+14150005551"])]
    assert result["diff"]["before"]["numbers"] == ["+14150005551"]
    assert result["app_numbers"]["numbers"] == ["+14150005550", "+14150005551"]


def test_present_with_nothing_to_add_reads_only_the_application():
    api = FakeApi(RENTED)
    result, _module = app_numbers(api, ["+14150005551"])
    assert result["changed"] is False
    assert api.writes == [] and api.reads == ["application", "rented"]


def test_absent_deletes_only_the_listed_numbers_on_the_application():
    api = FakeApi(RENTED)
    result, _module = app_numbers(api, ["+14150005551", "+14150005552"], state="absent")
    assert api.writes == [("DELETE", "+14150005551")]
    assert result["app_numbers"]["numbers"] == []
    assert api.rented["+15045550100"]["application_key"] == APP


def test_exclusive_makes_the_list_exactly_the_given_one():
    api = FakeApi(RENTED)
    result, _module = app_numbers(api, ["+14150005552"], exclusive=True)
    assert api.writes == [("PUT", "voice", ["+14150005552"])]
    assert result["diff"]["after"]["numbers"] == ["+14150005552"]


def test_the_other_capability_is_left_out_of_the_comparison():
    api = FakeApi(RENTED)
    result, _module = app_numbers(api, [], exclusive=True, capability="sms")
    assert api.writes == [("PUT", "sms", [])]
    assert result["diff"]["before"]["numbers"] == ["+15045550100"]
    assert api.rented["+14150005551"]["application_key"] == APP


def test_check_mode_predicts_without_writing():
    api = FakeApi(RENTED)
    result, _module = app_numbers(api, ["+14150005550"], check_mode=True)
    assert result["changed"] is True and api.writes == []
    assert result["app_numbers"]["numbers"] == ["+14150005550", "+14150005551"]


@pytest.mark.parametrize("numbers, message", [
    (["+14150005550", "+19995550000"], "not rented by the organisation of jane@example.com, so not assignable: +19995550000"),
    (["+15045550100"], "+15045550100 cannot be assigned for voice: +15045550100 has sms"),
])
def test_unassignable_numbers_fail_before_any_write(numbers, message):
    api = FakeApi(RENTED)
    with pytest.raises(SinchInputError, match=message.replace("+", r"\+")):
        app_numbers(api, numbers)
    assert api.writes == []


def test_taking_a_number_from_another_application_warns():
    rented = RENTED + [number("+14150005553", app=OTHER)]
    api = FakeApi(rented)
    _result, module = app_numbers(api, ["+14150005553"])
    assert module.warnings == ["+14150005553 is assigned to application %s; assigning it to %s takes it from there"
                               % (OTHER, APP)]


def test_exclusive_with_absent_is_refused():
    with pytest.raises(SinchInputError, match="only goes with state=present"):
        app_numbers(FakeApi(RENTED), [], state="absent", exclusive=True)


def rented_numbers(api, count, check_mode=False, **selection):
    params = dict(count=count, group_id=None, country_id=None, city=None, type=None, area_code=None)
    params.update(selection)
    resource = RentedNumbersResource(FakeModule(api, check_mode, **params))
    return resource.run()


SHOP = [group(13), group(14, "Sms"), group(2, country="GB", city="LONDON", area="020", availability=1)]


def test_missing_numbers_are_reserved_and_checked_out():
    api = FakeApi(RENTED, SHOP)
    result = rented_numbers(api, 5, group_id=13)
    assert api.writes == [("reserve", 13, 2), ("checkout", ["ref-1"])]
    assert result["changed"] is True
    assert result["rented_numbers"]["count"] == 5
    assert len(result["rented"]) == 2
    assert result["diff"] == {"before": {"count": 3, "phone_numbers": ["+14150005550", "+14150005551", "+14150005552"]},
                              "after": {"count": 5, "phone_numbers": result["rented_numbers"]["phone_numbers"]}}


def test_enough_numbers_means_no_shop_and_no_write():
    api = FakeApi(RENTED, SHOP)
    result = rented_numbers(api, 2, country_id="us", type="voice")
    assert result["changed"] is False and result["rented_numbers"]["count"] == 3
    assert api.writes == [] and "shop" not in api.reads


def test_check_mode_checks_the_shop_but_reserves_nothing():
    api = FakeApi(RENTED, SHOP)
    result = rented_numbers(api, 4, check_mode=True, city="san francisco", type="voice")
    assert result["changed"] is True and result["diff"]["after"]["count"] == 4
    assert api.writes == [] and "shop" in api.reads


def test_a_selection_matching_two_groups_is_refused():
    api = FakeApi(RENTED, SHOP)
    with pytest.raises(SinchInputError, match="2 number shop groups match country_id=US: set group_id to one of 13"):
        rented_numbers(api, 9, country_id="US")
    assert api.writes == []


def test_not_enough_numbers_in_the_group_is_refused():
    api = FakeApi(RENTED, SHOP)
    with pytest.raises(SinchError, match="has 1 numbers available; 2 more are needed to have 2"):
        rented_numbers(api, 2, group_id=2)
    assert api.writes == []


def test_a_failed_checkout_says_nothing_was_rented():
    refused = LegacyApiError("Insufficient funds to complete the transaction.", status=402, code=40200)
    api = FakeApi(RENTED, SHOP, checkout_error=refused, checkout_applies=False)
    with pytest.raises(LegacyApiError) as caught:
        rented_numbers(api, 4, group_id=13)
    text = str(caught.value)
    assert "checkout of reservation ref-1 (1 numbers of shop group 13) failed" in text
    assert "Insufficient funds" in text and "Nothing was rented" in text and "add credit" in text
    assert caught.value.code == 40200


def test_an_ambiguous_checkout_that_happened_is_not_repeated():
    api = FakeApi(RENTED, SHOP, checkout_error=SinchAmbiguousWriteError("no answer"))
    result = rented_numbers(api, 4, group_id=13)
    assert api.writes == [("reserve", 13, 1), ("checkout", ["ref-1"])]
    assert result["rented_numbers"]["count"] == 4 and len(result["rented"]) == 1


def test_an_ambiguous_checkout_that_did_not_happen_is_tried_again():
    api = FakeApi(RENTED, SHOP, checkout_error=SinchAmbiguousWriteError("no answer"), checkout_applies=False)
    api_checkout = api.checkout

    def checkout_then_apply(references):
        # The first checkout is lost; the second one goes through.
        try:
            api_checkout(references)
        finally:
            api.checkout_applies = True

    api.checkout = checkout_then_apply
    result = rented_numbers(api, 4, group_id=13)
    assert [write[0] for write in api.writes] == ["reserve", "checkout", "checkout"]
    assert result["rented_numbers"]["count"] == 4


@pytest.mark.parametrize("group_id", [0, -5])
def test_a_group_id_no_shop_group_can_have_is_refused_before_logging_in(group_id):
    with pytest.raises(SinchInputError, match="group_id must be a shop group's number"):
        GroupSelection(group_id=group_id)
