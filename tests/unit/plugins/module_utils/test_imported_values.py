# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Imported numbers and hosting orders: enum names, update masks, relinking, order checks and bodies."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import to_camel
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    enum_name,
    mask_paths,
    normalize_hosting_region,
    normalize_imported_number,
    normalize_order,
    normalize_qualified_number,
    update_mask,
)
from ansible_collections.sinch.numbers.plugins.module_utils.imported.provisioning import effective_number
from ansible_collections.sinch.numbers.plugins.module_utils.imported.imported_number_resource import (
    fields_to_unlink,
    provisioning_status,
    values_at,
)
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import (
    check_numbers,
    check_order,
    order_request,
)

DIRECT = {"type": "DIRECT", "authorised_person": {"first_name": "A", "last_name": "B", "email": "a@example.com"},
          "address": {"building_number": "1", "street": "S", "city": "C", "state": "IL", "postal_code": "1",
                      "country": "US"},
          "current_voice_carrier": "Verizon", "business_name": None}


@pytest.mark.parametrize("value, expected", [(1, "WAITING"), ("WAITING", "WAITING"), (3, "FAILED"), (9, 9),
                                             (True, True), (None, None)])
def test_enum_values_are_read_as_integers_or_names(value, expected):
    assert enum_name(value, ("PROVISIONING_STATUS_UNSPECIFIED", "WAITING", "IN_PROGRESS", "FAILED")) == expected


def test_integer_enums_of_the_spec_become_names():
    number = normalize_imported_number({"sms_configuration": {"scheduled_provisioning": {
        "status": 3, "error_codes": [2, "INVALID_NNID"]}}})
    assert number["sms_configuration"]["scheduled_provisioning"] == {
        "status": "FAILED", "error_codes": ["SMS_PROVISIONING_FAILED", "INVALID_NNID"]}
    assert normalize_order({"text_enable_info": {"loa_type": 2}})["text_enable_info"]["loa_type"] == "RESELLER"
    assert normalize_qualified_number({"hosted_number": {"status": 1}})["hosted_number"]["status"] == "HOSTING_STATUS_HOSTED"


def test_the_get_examples_name_for_the_loa_details_is_read_too():
    order = normalize_order({"hosting_order_info": {"loa_type": "DIRECT", "nnid": "104029"}})
    assert order == {"text_enable_info": {"loa_type": "DIRECT", "nnid": "104029"}}


def test_update_masks_name_camel_case_paths():
    paths = ["display_name", "sms_configuration.service_plan_id"]
    assert update_mask(paths) == "displayName,smsConfiguration.servicePlanId"
    assert mask_paths(update_mask(paths)) == paths


@pytest.mark.parametrize("desired, current, expected", [
    ({"service_plan_id": "b"}, {"service_plan_id": "a"}, ["service_plan_id"]),
    ({"service_plan_id": "b"}, {"service_plan_id": ""}, []),
    ({"service_plan_id": ""}, {"service_plan_id": "a"}, []),
    ({"service_plan_id": "a", "campaign_id": "D"}, {"service_plan_id": "a", "campaign_id": "C"}, ["campaign_id"]),
    (None, {"service_plan_id": "a"}, []),
])
def test_only_a_link_to_something_else_is_unlinked_first(desired, current, expected):
    assert fields_to_unlink(desired, current) == expected


def test_values_at_keeps_only_the_named_leaves():
    desired = {"display_name": "x", "sms_configuration": {"service_plan_id": "p", "campaign_id": "c"}}
    assert values_at(desired, ["sms_configuration.campaign_id"]) == {"sms_configuration": {"campaign_id": "c"}}


def test_a_pending_provisioning_counts_as_its_target():
    number = {"sms_configuration": {"service_plan_id": "", "campaign_id": "", "scheduled_provisioning": {
        "service_plan_id": "p", "campaign_id": "c", "status": "IN_PROGRESS"}}}
    assert effective_number(number)["sms_configuration"]["service_plan_id"] == "p"
    assert provisioning_status(number) == "pending"
    number["sms_configuration"]["scheduled_provisioning"]["status"] = "FAILED"
    assert effective_number(number)["sms_configuration"]["service_plan_id"] == ""
    assert provisioning_status(number) == "failed"
    assert provisioning_status({"sms_configuration": {}}) == "done"


@pytest.mark.parametrize("kind, fields, loa, message", [
    ("IMPORT", {"nnid": "1"}, None, "nnid cannot be used with an IMPORT order"),
    ("IMPORT", {}, {"type": "BLANKET"}, "loa cannot be used with an import order"),
    ("TEXT_ENABLE", {}, None, "loa is required"),
    ("TEXT_ENABLE", {}, dict(DIRECT, address=None), "loa.type DIRECT needs loa.address"),
    ("TEXT_ENABLE", {}, dict(DIRECT, type="RESELLER"), "loa.type RESELLER needs loa.business_name"),
    ("TEXT_ENABLE", {}, dict(DIRECT, type="BLANKET"), "loa.type BLANKET does not take"),
    ("TEXT_ENABLE_TOLL_FREE", {}, {"type": "BLANKET"}, "loa.type BLANKET cannot be used"),
    ("TEXT_ENABLE_TOLL_FREE", {"campaign_id": "C"}, DIRECT, "campaign_id cannot be used"),
    ("TEXT_ENABLE", {"scheduled_osr_update_time": "soon"}, {"type": "BLANKET"}, "is not an RFC 3339 timestamp"),
])
def test_orders_are_checked_before_any_request(kind, fields, loa, message):
    with pytest.raises(SinchInputError) as caught:
        check_order(kind, fields, loa)
    assert message in str(caught.value)


def test_checked_orders_pass():
    check_order("TEXT_ENABLE", {"scheduled_osr_update_time": "2026-01-13T14:34:40.968Z"}, DIRECT)
    check_order("IMPORT", {"campaign_id": "C", "migrate_to_sinch_tmo": True}, None)


def test_numbers_must_fit_the_kind_of_text_enablement():
    with pytest.raises(SinchInputError, match=r"\+12025550100 is not toll-free"):
        check_numbers("TEXT_ENABLE_TOLL_FREE", ["+18885550100", "+12025550100"], "x")
    with pytest.raises(SinchInputError, match="text-enable toll-free numbers with order_type=x"):
        check_numbers("TEXT_ENABLE", ["+18885550100"], "order_type=x")
    check_numbers("IMPORT", ["+18885550100"], "x")


def test_order_bodies_carry_what_their_kind_takes():
    fields = {"display_name": "d", "region_code": "US", "service_plan_id": "p", "campaign_id": "c", "nnid": None,
              "callback_url": None, "migrate_to_sinch_tmo": True, "scheduled_osr_update_time": None,
              "scheduled_zipwhip_provisioning_time": None}
    assert to_camel(order_request("IMPORT", fields, ["+1"], None)) == {
        "displayName": "d", "regionCode": "US", "servicePlanId": "p", "campaignId": "c", "migrateToSinchTmo": True,
        "numbers": ["+1"]}
    body = to_camel(order_request("TEXT_ENABLE_TOLL_FREE", fields, ["+1"], DIRECT))
    assert "campaignId" not in body
    assert body["directLoaInfo"] == {
        "authorisedPerson": {"firstName": "A", "lastName": "B", "email": "a@example.com"},
        "address": {"buildingNumber": "1", "street": "S", "city": "C", "state": "IL", "postalCode": "1",
                    "country": "US"},
        "currentVoiceCarrier": "Verizon"}
    assert to_camel(order_request("TEXT_ENABLE", fields, ["+1"], {"type": "BLANKET"}))["blanketLoaInfo"] == {}


@pytest.mark.parametrize("value, expected", [("us", "US"), (" CA", "CA"), (None, None)])
def test_hosting_regions_are_us_and_canada(value, expected):
    assert normalize_hosting_region(value) == expected


@pytest.mark.parametrize("value, message", [("GB", "region_code 'GB' is not supported: number hosting is available "
                                                   "in US and CA only"),
                                            ("USA", "region_code 'USA' is not an ISO 3166-1 alpha-2 region code")])
def test_other_regions_are_refused_with_what_to_fix(value, message):
    with pytest.raises(SinchInputError) as error:
        normalize_hosting_region(value)
    assert message in str(error.value)
