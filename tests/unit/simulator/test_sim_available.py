"""Available regions, number search, get available number, rent and rentAny."""

import pytest

from sim_helpers import BASE, first_available, rent

SEARCH = f"{BASE}/availableNumbers"


def search(api, **query):
    response = api.get(SEARCH, params=query)
    assert response.status_code == 200, response.text
    return response.json()["availableNumbers"]


def violations(response):
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["details"][0]["type"] == "BadRequest"
    return {item["field"] for item in error["details"][0]["fieldViolations"]}


def test_regions_list_the_seeded_regions(api):
    regions = api.get(f"{BASE}/availableRegions").json()["availableRegions"]
    assert {region["regionCode"] for region in regions} == {"US", "GB", "SE", "DE"}
    us = next(region for region in regions if region["regionCode"] == "US")
    assert us["regionName"] == "United States"
    assert set(us["types"]) == {"LOCAL", "MOBILE", "TOLL_FREE"}


def test_regions_types_filter(api, admin):
    admin("POST", "/seed/available", {"count": 1, "regionCode": "US", "type": "LOCAL"})
    response = api.get(f"{BASE}/availableRegions", params={"types": ["TOLL_FREE"]})
    assert len(response.json()["availableRegions"]) == 4
    assert violations(api.get(f"{BASE}/availableRegions", params={"types": ["BOGUS"]})) == {"types"}


def test_search_requires_region_and_type(api):
    assert violations(api.get(SEARCH)) == {"regionCode", "type"}
    assert violations(api.get(SEARCH, params={"regionCode": "US", "type": "FIXED"})) == {"type"}


def test_search_pool_is_deterministic(api):
    numbers = search(api, regionCode="US", type="LOCAL")
    assert len(numbers) == 40
    assert numbers[0]["phoneNumber"] == "+12065550100"
    assert numbers[0] == {
        "phoneNumber": "+12065550100",
        "regionCode": "US",
        "type": "LOCAL",
        "capability": ["SMS", "VOICE"],
        "setupPrice": {"currencyCode": "USD", "amount": "0.00"},
        "monthlyPrice": {"currencyCode": "USD", "amount": "1.00"},
        "paymentIntervalMonths": 1,
        "supportingDocumentationRequired": False,
    }
    toll_free = search(api, regionCode="US", type="TOLL_FREE", size=1)
    assert toll_free[0]["phoneNumber"].startswith("+1833555")


def test_search_capabilities_must_all_match(api):
    both = search(api, regionCode="GB", type="MOBILE", capabilities=["SMS", "VOICE"])
    sms = search(api, regionCode="GB", type="MOBILE", capabilities=["SMS"])
    assert all(set(number["capability"]) == {"SMS", "VOICE"} for number in both)
    assert all("SMS" in number["capability"] for number in sms)
    assert len(both) < len(sms) < 40


@pytest.mark.parametrize(
    "pattern, search_pattern, check",
    [
        ("+1206555010", "START", lambda phone: phone.startswith("+1206555010")),
        ("1206555010", "START", lambda phone: phone.startswith("+1206555010")),
        ("5501", "CONTAIN", lambda phone: "5501" in phone),
        ("5501", "CONTAINS", lambda phone: "5501" in phone),  # the SDKs' spelling
        ("17", "END", lambda phone: phone.endswith("17")),
    ],
)
def test_search_patterns(api, pattern, search_pattern, check):
    query = {"numberPattern.pattern": pattern, "numberPattern.searchPattern": search_pattern}
    numbers = search(api, regionCode="US", type="LOCAL", **query)
    assert numbers
    assert all(check(number["phoneNumber"]) for number in numbers)


def test_search_rejects_unknown_search_pattern(api):
    query = {"regionCode": "US", "type": "LOCAL", "numberPattern.pattern": "1", "numberPattern.searchPattern": "NEAR"}
    assert violations(api.get(SEARCH, params=query)) == {"numberPattern.searchPattern"}


def test_search_size_limits_results(api):
    assert len(search(api, regionCode="SE", type="LOCAL", size=3)) == 3


def test_get_available_number(api):
    assert api.get(f"{SEARCH}/+12065550100").json()["phoneNumber"] == "+12065550100"
    missing = api.get(f"{SEARCH}/+10000000000")
    assert missing.status_code == 404
    assert missing.json()["error"]["details"][0]["resourceType"] == "AvailableNumber"


def test_rent_moves_number_from_available_to_active(api):
    phone = first_available(api)
    response = rent(api, phone, {"callbackUrl": "https://example.com/cb"})
    assert response.status_code == 200, response.text
    number = response.json()
    assert number["phoneNumber"] == phone
    assert number["projectId"] == "demo-project"
    assert number["displayName"] == ""
    assert number["callbackUrl"] == "https://example.com/cb"
    assert "expireAt" not in number  # unset: left out, never null
    assert api.get(f"{SEARCH}/{phone}").status_code == 404
    assert api.get(f"{BASE}/activeNumbers/{phone}").status_code == 200


def test_rent_of_a_rented_number_is_404(api):
    phone = first_available(api)
    assert rent(api, phone).status_code == 200
    again = rent(api, phone)
    assert again.status_code == 404
    assert again.json()["error"]["status"] == "NOT_FOUND"


def test_rent_validates_configuration(api):
    phone = first_available(api)
    assert violations(rent(api, phone, {"smsConfiguration": {"campaignId": "c"}})) == {"smsConfiguration.servicePlanId"}
    assert violations(rent(api, phone, {"voiceConfiguration": {"type": "SIP", "appId": "a"}})) == {"voiceConfiguration.type"}
    assert violations(rent(api, phone, {"voiceConfiguration": {"type": "EST", "appId": "a"}})) == {
        "voiceConfiguration.appId", "voiceConfiguration.trunkId"}
    assert violations(rent(api, phone, {"displayName": "not in a rent body"})) == {"displayName"}
    assert api.get(f"{SEARCH}/{phone}").status_code == 200, "a refused rent rents nothing"


def test_rent_needs_matching_capability(api):
    voice_only = "+12065550102"
    assert api.get(f"{SEARCH}/{voice_only}").json()["capability"] == ["VOICE"]
    assert violations(rent(api, voice_only, {"smsConfiguration": {"servicePlanId": "p"}})) == {"smsConfiguration"}


def test_rent_any_rents_first_match(api):
    body = {"regionCode": "DE", "type": "LOCAL", "capabilities": ["SMS"], "numberPattern": {"pattern": "4930", "searchPattern": "START"}}
    response = api.post(f"{SEARCH}:rentAny", json=body)
    assert response.status_code == 200, response.text
    number = response.json()
    assert number["regionCode"] == "DE" and number["type"] == "LOCAL"
    assert "SMS" in number["capability"]
    assert number["phoneNumber"].startswith("+4930")


def test_rent_any_without_match_is_404(api):
    body = {"regionCode": "DE", "type": "LOCAL", "numberPattern": {"pattern": "99999999", "searchPattern": "END"}}
    assert api.post(f"{SEARCH}:rentAny", json=body).status_code == 404


def test_rent_any_requires_region_and_type(api):
    assert violations(api.post(f"{SEARCH}:rentAny", json={})) == {"regionCode", "type"}
