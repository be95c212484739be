# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""numbers/writes.py: rent-any exactly once through the claim, PATCH read back after a lost answer."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchAmbiguousWriteError,
    SinchInputError,
    SinchPartialWriteError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.numbers import writes

from .fake_session import scripted_client

CRITERIA = {"region_code": "US", "number_type": "LOCAL", "capabilities": ["SMS"],
            "number_pattern": None, "search_pattern": "START"}


class FakeApi:
    """An in-memory Numbers API whose writes can lose their answer after applying."""

    def __init__(self, lose=()):
        self.numbers = {}
        self.lose = list(lose)  # write names whose next call is applied, then answered 'lost'
        self.calls = []
        self.pool = ["+12065550101", "+12065550102"]

    def _maybe_lose(self, name):
        if name in self.lose:
            self.lose.remove(name)
            raise SinchAmbiguousWriteError("lost", status=500)

    def rent_any(self, criteria, configuration):
        self.calls.append(("rentAny", dict(configuration)))
        phone = self.pool.pop(0)
        self.numbers[phone] = {"phone_number": phone, "display_name": "",
                               "callback_url": configuration.get("callback_url", "")}
        self._maybe_lose("rentAny")
        return dict(self.numbers[phone])

    def update_active(self, phone, changes, idempotent=True):
        self.calls.append(("patch", dict(changes)))
        self.numbers[phone].update(changes)
        self._maybe_lose("patch")
        return dict(self.numbers[phone])

    def get_active(self, phone):
        return dict(self.numbers[phone]) if phone in self.numbers else None

    def list_active(self, region, number_type):
        return [dict(n) for n in self.numbers.values()]


def client():
    return scripted_client()[0]


def test_the_rent_carries_a_claim_and_naming_removes_it():
    api = FakeApi()
    number = writes.rent_any_named(client(), api, CRITERIA, {"callback_url": None}, "alerts 1", set())
    assert api.calls[0][1]["callback_url"] == writes.CLAIM_BASE_URL + "#sinch-numbers-claim=alerts%201"
    assert number["display_name"] == "alerts 1"
    assert number["callback_url"] == ""


def test_the_users_callback_url_keeps_working_under_the_claim():
    url = writes.claim_url("https://hooks.example/n", "x")
    assert url.startswith("https://hooks.example/n#")
    assert writes.claimed_name({"callback_url": url}) == "x"


def test_a_rent_any_answered_500_after_applying_is_found_by_its_claim_not_rented_again():
    api = FakeApi(lose=["rentAny"])
    number = writes.rent_any_named(client(), api, CRITERIA, {}, "a", set())
    assert [call[0] for call in api.calls] == ["rentAny", "patch"]
    assert len(api.numbers) == 1 and number["display_name"] == "a"


def test_a_naming_patch_whose_answer_was_lost_is_read_back_not_resent():
    api = FakeApi(lose=["patch"])
    number = writes.rent_any_named(client(), api, CRITERIA, {}, "a", set())
    assert [call[0] for call in api.calls] == ["rentAny", "patch"]
    assert number["display_name"] == "a"


def test_a_number_left_unnamed_is_named_in_the_failure_and_adopted_by_the_next_run():
    api = FakeApi()

    def refuse(phone, changes, idempotent=True):
        raise SinchInputError("refused")
    real_update = api.update_active
    api.update_active = refuse
    with pytest.raises(SinchPartialWriteError) as caught:
        writes.rent_any_named(client(), api, CRITERIA, {}, "a", set())
    assert "+12065550101" in str(caught.value)
    assert caught.value.result["changed"] is True
    assert caught.value.result["number"]["phone_number"] == "+12065550101"
    api.update_active = real_update
    found, claimed = writes.find_by_display_name(api.list_active("US", "LOCAL"), "a")
    assert claimed and found["phone_number"] == "+12065550101"
    assert writes.find_by_display_name(api.list_active("US", "LOCAL"), "b") == (None, False)


def test_a_named_number_wins_over_a_claim_and_duplicates_are_errors():
    named = {"phone_number": "+1", "display_name": "a", "callback_url": ""}
    claimed = {"phone_number": "+2", "display_name": "", "callback_url": writes.claim_url(None, "a")}
    assert writes.find_by_display_name([claimed, named], "a") == (named, False)
    with pytest.raises(SinchInputError, match=r"\+1, \+3"):
        writes.find_by_display_name([named, dict(named, phone_number="+3")], "a")


def test_after_a_lost_rent_without_a_kept_claim_the_only_new_number_is_taken():
    api = FakeApi(lose=["rentAny"])
    original = api.rent_any

    def rent_dropping_fragment(criteria, configuration):
        return original(criteria, dict(configuration, callback_url=""))
    api.rent_any = rent_dropping_fragment
    api.numbers["+19990000000"] = {"phone_number": "+19990000000", "display_name": "", "callback_url": ""}
    number = writes.rent_any_named(client(), api, CRITERIA, {}, "a", {"+19990000000"})
    assert number["phone_number"] == "+12065550101"
    assert len(api.numbers) == 2


def test_a_lost_rent_that_was_not_applied_never_takes_a_number_claimed_for_another_name():
    """sinch_numbers rents in parallel: another item's number, rented but not yet named, is not ours."""
    api = FakeApi()
    api.numbers["+12065550109"] = {"phone_number": "+12065550109", "display_name": "",
                                   "callback_url": writes.claim_url(None, "b")}
    original = api.rent_any
    tries = []

    def rent_lost_before_applying(criteria, configuration):
        if not tries:
            tries.append(1)
            raise SinchAmbiguousWriteError("lost before it was applied", status=503)
        return original(criteria, configuration)
    api.rent_any = rent_lost_before_applying
    number = writes.rent_any_named(client(), api, CRITERIA, {}, "a", set())
    assert number["phone_number"] == "+12065550101"
    assert number["display_name"] == "a"
    assert api.numbers["+12065550109"]["display_name"] == "", "b's number left alone"
