# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The filters shared by the lookup and inventory plugins: validation, API parameters, client-side filtering."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.plugin_utils.active_numbers import (
    ActiveNumberQuery,
    source_fingerprint,
)

from ..module_utils.fake_session import make_response, scripted_client

BASE = "https://numbers.example/v1/projects/p"


def client_with(*script):
    return scripted_client(*script, numbers_url="https://numbers.example")[0]


def page(numbers, token=""):
    return make_response(200, {"activeNumbers": numbers, "nextPageToken": token, "totalSize": len(numbers)})


def number(phone, name="", region="US", kind="LOCAL"):
    return {"phoneNumber": phone, "displayName": name, "regionCode": region, "type": kind,
            "capability": ["SMS"], "smsConfiguration": {"servicePlanId": ""}}


def test_defaults_list_every_type_with_the_largest_page():
    query = ActiveNumberQuery()
    assert query.as_dict() == {
        "region_codes": [], "number_types": [], "capabilities": [], "number_pattern": None,
        "search_pattern": "START", "display_name": None, "display_name_pattern": None, "page_size": 1000,
    }


def test_values_are_normalised_and_deduplicated():
    query = ActiveNumberQuery(region_codes="us, gb,US", number_types=["local", "LOCAL"], capabilities="sms")
    assert query.region_codes == ["US", "GB"]
    assert query.number_types == ["LOCAL"]
    assert query.capabilities == ["SMS"]


@pytest.mark.parametrize("options, message", [
    ({"region_codes": ["USA"]}, "region_codes 'USA' is not an ISO 3166-1 alpha-2 region code"),
    ({"number_types": ["FAX"]}, "number_types: FAX not one of MOBILE, LOCAL, TOLL_FREE"),
    ({"capabilities": ["MMS"]}, "capabilities: MMS not one of SMS, VOICE"),
    ({"search_pattern": "MIDDLE"}, "search_pattern: MIDDLE not one of START, CONTAIN, END"),
    ({"number_pattern": "12-34"}, "number_pattern '12-34' must be digits"),
    ({"number_pattern": "+"}, "number_pattern '+' must be digits"),
    ({"page_size": 0}, "page_size must be a whole number from 1 to 1000, got '0'"),
    ({"page_size": 1001}, "page_size must be a whole number from 1 to 1000, got '1001'"),
    ({"page_size": "many"}, "page_size must be a whole number from 1 to 1000, got 'many'"),
])
def test_bad_filters_are_named_in_the_error(options, message):
    with pytest.raises(SinchInputError) as caught:
        ActiveNumberQuery(**options)
    assert message in str(caught.value)


def test_api_filters_are_sent_and_pages_followed():
    client = client_with(page([number("+12065550100")], token="t1"), page([number("+12065550101")]))
    query = ActiveNumberQuery(region_codes=["US"], number_types=["LOCAL"], capabilities=["SMS", "VOICE"],
                              number_pattern="+1206", page_size=1)
    numbers = query.list(client)
    assert [n["phone_number"] for n in numbers] == ["+12065550100", "+12065550101"]
    first, second = client.session.calls
    assert first["url"] == BASE + "/activeNumbers"
    assert first["params"] == {"regionCode": "US", "type": "LOCAL", "capability": ["SMS", "VOICE"],
                               "numberPattern.pattern": "+1206", "numberPattern.searchPattern": "START",
                               "pageSize": 1}
    assert second["params"]["pageToken"] == "t1"


def test_display_name_pattern_is_applied_after_listing():
    client = client_with(page([number("+12065550100", "support-1"), number("+12065550101", "sales-1"),
                               number("+12065550102", "Support-2"), number("+12065550103")]))
    query = ActiveNumberQuery(region_codes=["US"], number_types=["LOCAL"], display_name_pattern="support-*")
    assert [n["display_name"] for n in query.list(client)] == ["support-1"]
    assert len(client.session.calls) == 1
    assert not any("display" in key.lower() for key in client.session.calls[0]["params"])


def test_display_name_is_an_exact_match_as_in_the_modules():
    client = client_with(page([number("+12065550100", "support-1"), number("+12065550101", "support-10"),
                               number("+12065550102", "Support-1")]))
    query = ActiveNumberQuery(region_codes=["US"], number_types=["LOCAL"], display_name="support-1")
    assert [n["phone_number"] for n in query.list(client)] == ["+12065550100"]


def test_star_also_matches_numbers_without_a_display_name():
    client = client_with(page([number("+12065550100", ""), number("+12065550101", "x")]))
    query = ActiveNumberQuery(region_codes=["US"], number_types=["LOCAL"], display_name_pattern="*")
    assert len(query.list(client)) == 2


def test_without_regions_they_come_from_available_regions():
    regions = make_response(200, {"availableRegions": [
        {"regionCode": "US", "regionName": "United States", "types": ["LOCAL", "TOLL_FREE"]},
        {"regionCode": "SE", "regionName": "Sweden", "types": ["MOBILE"]},
    ]})
    client = client_with(regions, page([number("+12065550100")]), page([]), page([]))
    numbers = ActiveNumberQuery().list(client)
    assert len(numbers) == 1
    calls = client.session.calls
    assert calls[0]["url"] == BASE + "/availableRegions"
    assert [(c["params"]["regionCode"], c["params"]["type"]) for c in calls[1:]] == [
        ("US", "LOCAL"), ("US", "TOLL_FREE"), ("SE", "MOBILE")]


def test_fingerprint_follows_project_url_and_filters_but_not_credentials():
    def fingerprint(query, **config):
        settings = dict(key_id="kid", key_secret="s1", project_id="p", numbers_url="https://a")
        settings.update(config)
        return source_fingerprint(ClientConfig(**settings), query)

    base = fingerprint(ActiveNumberQuery(region_codes=["US"]))
    assert base == fingerprint(ActiveNumberQuery(region_codes=["us"]), key_secret="s2", key_id="other")
    assert base != fingerprint(ActiveNumberQuery(region_codes=["GB"]))
    assert base != fingerprint(ActiveNumberQuery(region_codes=["US"], display_name_pattern="a*"))
    assert base != fingerprint(ActiveNumberQuery(region_codes=["US"]), project_id="q")
    assert base != fingerprint(ActiveNumberQuery(region_codes=["US"]), numbers_url="https://b")
