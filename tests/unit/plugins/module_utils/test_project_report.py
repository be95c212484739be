# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drift and cost report computed from listings (report/build.py): no request involved."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.report.build import build_report, parse_time, pool_of

NOW = datetime(2026, 12, 6, 12, 0, 0, tzinfo=timezone.utc)


def active(phone, name="", region="US", kind="LOCAL", plan="", app="", amount="1.00", currency="USD", interval=1,
           sms_scheduled=None, voice_scheduled=None):
    return {
        "phone_number": phone, "display_name": name, "region_code": region, "type": kind,
        "money": {"currency_code": currency, "amount": amount}, "payment_interval_months": interval,
        "sms_configuration": {"service_plan_id": plan, "campaign_id": "", "scheduled_provisioning": sms_scheduled},
        "voice_configuration": {"type": "RTC", "app_id": app, "trunk_id": "", "service_id": "",
                                "scheduled_voice_provisioning": voice_scheduled},
    }


def report(numbers=(), imported=(), orders=(), registrations=(), prefixes=("alerts-",), hours=72):
    listings = {"active_numbers": list(numbers), "imported_numbers": list(imported),
                "hosting_orders": list(orders), "registrations": list(registrations)}
    return build_report(listings, list(prefixes), hours, NOW)


def test_the_longest_prefix_names_the_pool():
    assert pool_of("alerts-eu-3", ["alerts-", "alerts-eu-"]) == "alerts-eu-"
    assert pool_of("alerts-3", ["alerts-", "alerts-eu-"]) == "alerts-"
    assert pool_of("", ["alerts-"]) is None
    assert pool_of(None, ["alerts-"]) is None
    assert pool_of("other", []) is None


def test_unmanaged_numbers_have_no_display_name_or_an_unknown_prefix():
    result = report([active("+1", "alerts-1", plan="p"), active("+2", "", plan="p"), active("+3", "legacy-1", plan="p")],
                    imported=[{"phone_number": "+4", "display_name": "", "region_code": "US",
                               "sms_configuration": {"service_plan_id": "p"}}])
    assert [(item["phone_number"], item["source"], item["type"]) for item in result["unmanaged"]] == [
        ("+2", "active", "LOCAL"), ("+3", "active", "LOCAL"), ("+4", "imported", "IMPORTED")]
    assert result["summary"]["unmanaged"] == 3
    assert result["unconfigured"] == []


def test_failed_and_pending_provisioning_with_since_when():
    failed = {"service_plan_id": "fail", "campaign_id": "", "status": "FAILED",
              "last_updated_time": "2026-12-06T10:00:00.000000Z", "error_codes": ["SMS_PROVISIONING_FAILED"]}
    pending = {"type": "RTC", "app_id": "app", "status": "IN_PROGRESS", "last_updated_time": "2026-12-06T11:30:00Z"}
    result = report([active("+1", "alerts-1", sms_scheduled=failed), active("+2", "alerts-2", voice_scheduled=pending)])
    assert result["provisioning_failed"] == [dict(
        phone_number="+1", source="active", display_name="alerts-1", region_code="US", type="LOCAL", channel="sms",
        status="FAILED", since="2026-12-06T10:00:00.000000Z", age_hours=2.0, error_codes=["SMS_PROVISIONING_FAILED"])]
    assert [(item["phone_number"], item["channel"], item["age_hours"]) for item in result["provisioning_pending"]] == [
        ("+2", "voice", 0.5)]
    # a failed provisioning configures nothing; a pending one counts as what it brings
    assert [item["phone_number"] for item in result["unconfigured"]] == ["+1"]


@pytest.mark.parametrize("number, configured", [
    (active("+1", plan="p"), True),
    (active("+1", app="a"), True),
    (dict(active("+1"), voice_configuration={"type": "FAX", "service_id": "fax"}), True),
    (dict(active("+1"), voice_configuration={"type": "EST", "trunk_id": "t"}), True),
    (active("+1"), False),
    (dict(active("+1"), sms_configuration=None, voice_configuration=None), False),
])
def test_unconfigured_means_neither_sms_nor_voice(number, configured):
    assert (report([number])["summary"]["unconfigured"] == 0) is configured


def test_monthly_cost_by_pool_region_type_and_currency():
    numbers = [active("+1", "alerts-1", amount="1.00"), active("+2", "alerts-2", amount="1.00"),
               active("+3", "", region="SE", currency="SEK", amount="30.00", interval=3),
               active("+4", "", region="SE", currency="SEK", amount="10", interval=3),
               active("+5", "alerts-3", kind="MOBILE", amount="2.005")]
    result = report(numbers)
    assert result["monthly_cost"] == [
        {"pool": "", "region_code": "SE", "type": "LOCAL", "currency": "SEK", "numbers": 2, "monthly_amount": "13.33"},
        {"pool": "alerts-", "region_code": "US", "type": "LOCAL", "currency": "USD", "numbers": 2,
         "monthly_amount": "2.00"},
        {"pool": "alerts-", "region_code": "US", "type": "MOBILE", "currency": "USD", "numbers": 1,
         "monthly_amount": "2.01"},
    ]
    assert result["monthly_cost_by_currency"] == [
        {"currency": "SEK", "numbers": 2, "monthly_amount": "13.33"},
        {"currency": "USD", "numbers": 3, "monthly_amount": "4.01"}]


def test_a_number_without_a_price_costs_nothing():
    number = dict(active("+1", "alerts-1"), money=None, payment_interval_months=None)
    assert report([number])["monthly_cost"][0]["monthly_amount"] == "0.00"


def test_stuck_orders_and_registrations_are_open_past_the_age():
    orders = [
        {"hosting_order_id": "old", "display_name": "a", "state": "IN_PROGRESS", "type": "IMPORT",
         "created_time": "2026-12-01T12:00:00Z"},
        {"hosting_order_id": "new", "display_name": "b", "state": "SUBMITTED", "created_time": "2026-12-06T11:00:00Z"},
        {"hosting_order_id": "done", "display_name": "c", "state": "COMPLETED", "created_time": "2026-11-01T00:00:00Z"},
    ]
    registrations = [
        {"id": "r1", "status": "DRAFT", "registration_type": "ALPHANUMERIC_SENDER_ID", "create_time": "2026-11-26T12:00:00"},
        {"id": "r2", "status": "APPROVED", "create_time": "2026-11-01T00:00:00"},
        {"id": "r3", "status": "IN_QUEUE", "create_time": "2026-12-06T10:00:00"},
    ]
    result = report(orders=orders, registrations=registrations, hours=48)
    assert result["stuck_hosting_orders"] == [{"id": "old", "display_name": "a", "state": "IN_PROGRESS", "type": "IMPORT",
                                               "created_time": "2026-12-01T12:00:00Z", "age_hours": 120.0}]
    assert [(item["id"], item["type"], item["age_hours"]) for item in result["stuck_registrations"]] == [
        ("r1", "ALPHANUMERIC_SENDER_ID", 240.0)]
    assert result["summary"] == {"unmanaged": 0, "provisioning_failed": 0, "provisioning_pending": 0,
                                 "unconfigured": 0, "stuck_hosting_orders": 1, "stuck_registrations": 1}
    assert result["totals"] == {"active_numbers": 0, "imported_numbers": 0, "hosting_orders": 3, "registrations": 3}
    assert result["generated_at"] == "2026-12-06T12:00:00Z"


def test_a_section_not_read_is_not_in_the_totals():
    result = build_report({"active_numbers": [active("+1", "alerts-1", plan="p")]}, ["alerts-"], 72, NOW)
    assert result["totals"] == {"active_numbers": 1}
    assert result["stuck_hosting_orders"] == [] and result["stuck_registrations"] == []


@pytest.mark.parametrize("value, expected", [
    ("2026-12-06T10:00:00Z", datetime(2026, 12, 6, 10, tzinfo=timezone.utc)),
    ("2026-12-06T10:00:00.5Z", datetime(2026, 12, 6, 10, 0, 0, 500000, tzinfo=timezone.utc)),
    ("2026-12-06T10:00:00.123456789Z", datetime(2026, 12, 6, 10, 0, 0, 123456, tzinfo=timezone.utc)),
    ("2026-12-06T10:00:00", datetime(2026, 12, 6, 10, tzinfo=timezone.utc)),
    ("2026-12-06T12:00:00+02:00", datetime(2026, 12, 6, 10, tzinfo=timezone.utc)),
    ("2026-12-06T07:30:00-0230", datetime(2026, 12, 6, 10, tzinfo=timezone.utc)),
    ("yesterday", None),
    (None, None),
    (12, None),
])
def test_timestamps(value, expected):
    assert parse_time(value) == expected


def test_an_unparsable_time_is_never_stuck_and_has_no_age():
    orders = [{"hosting_order_id": "x", "state": "IN_PROGRESS", "created_time": None}]
    assert report(orders=orders, hours=0)["stuck_hosting_orders"][0]["age_hours"] is None
