"""Active numbers: required filters, pagination, get, update, release."""


from sim_helpers import BASE, first_available, list_active, rent, seed_active

ACTIVE = f"{BASE}/activeNumbers"


def field_violations(response):
    assert response.status_code == 400, response.text
    return {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]}


def all_pages(api, **query):
    """Every page of a listing; returns (numbers, number of requests)."""
    numbers, token, requests_sent = [], None, 0
    while True:
        params = dict(query, pageToken=token) if token else query
        response = list_active(api, **params)
        assert response.status_code == 200, response.text
        requests_sent += 1
        body = response.json()
        numbers += body["activeNumbers"]
        token = body["nextPageToken"]
        if not token:
            return numbers, requests_sent


def test_list_requires_region_and_type(api):
    assert field_violations(api.get(ACTIVE)) == {"regionCode", "type"}
    assert field_violations(api.get(ACTIVE, params={"regionCode": "US"})) == {"type"}
    assert field_violations(api.get(ACTIVE, params={"type": "LOCAL"})) == {"regionCode"}


def test_list_rejects_bad_parameters(api):
    assert field_violations(list_active(api, orderBy="price")) == {"orderBy"}
    assert field_violations(list_active(api, pageSize="many")) == {"pageSize"}
    assert field_violations(list_active(api, capability="FAX")) == {"capability"}
    assert field_violations(list_active(api, pageToken="garbage")) == {"pageToken"}


def test_empty_listing(api):
    assert list_active(api).json() == {"activeNumbers": [], "nextPageToken": "", "totalSize": 0}


def test_pages_cover_every_number_once_in_phone_order(api, admin):
    seed_active(admin, 25)
    numbers, sent = all_pages(api, pageSize=10)
    phones = [number["phoneNumber"] for number in numbers]
    assert sent == 3
    assert len(set(phones)) == 25
    assert phones == sorted(phones)
    first = list_active(api, pageSize=10).json()
    assert first["totalSize"] == 25
    assert len(first["activeNumbers"]) == 10


def test_default_page_size_is_100_and_maximum_is_1000(api, admin):
    seed_active(admin, 1100)
    assert len(list_active(api).json()["activeNumbers"]) == 100
    clamped = list_active(api, pageSize=5000).json()
    assert len(clamped["activeNumbers"]) == 1000
    assert clamped["totalSize"] == 1100


def test_page_tokens_are_opaque_and_stable(api, admin):
    seed_active(admin, 30)
    first = list_active(api, pageSize=10).json()
    token = first["nextPageToken"]
    assert "+1" not in token
    again = list_active(api, pageSize=10, pageToken=token).json()
    assert again == list_active(api, pageSize=10, pageToken=token).json()
    # A number released before the cursor does not shift the next page.
    released = first["activeNumbers"][0]["phoneNumber"]
    assert api.post(f"{ACTIVE}/{released}:release").status_code == 200
    after_release = list_active(api, pageSize=10, pageToken=token).json()
    assert after_release["activeNumbers"] == again["activeNumbers"]
    assert after_release["totalSize"] == 29


def test_twenty_thousand_numbers_in_twenty_pages(api, admin):
    assert seed_active(admin, 20000, displayNamePrefix="seed-") == {"created": 20000}
    numbers, sent = all_pages(api, pageSize=1000)
    assert sent == 20
    assert len({number["phoneNumber"] for number in numbers}) == 20000


# Speed is measured by the benchmark (tests/benchmark, 10,000 numbers), never timed in a unit test.
def test_a_1000_number_page_deep_in_20000_continues_after_its_token(sim, api, admin):
    seed_active(admin, 20000)
    first = list_active(api, pageSize=1000).json()
    second = list_active(api, pageSize=1000, pageToken=first["nextPageToken"]).json()
    assert len(second["activeNumbers"]) == 1000
    first_numbers = [number["phoneNumber"] for number in first["activeNumbers"]]
    second_numbers = [number["phoneNumber"] for number in second["activeNumbers"]]
    assert not set(first_numbers) & set(second_numbers)
    again = list_active(api, pageSize=1000, pageToken=first["nextPageToken"]).json()
    assert [number["phoneNumber"] for number in again["activeNumbers"]] == second_numbers


def test_filters_by_region_type_capability_and_pattern(api, admin):
    seed_active(admin, 5, capability=["SMS", "VOICE"])
    seed_active(admin, 4, capability=["SMS"])
    seed_active(admin, 3, region="GB", number_type="MOBILE")
    assert list_active(api).json()["totalSize"] == 9
    assert list_active(api, region="GB", number_type="MOBILE").json()["totalSize"] == 3
    assert list_active(api, capability=["SMS", "VOICE"]).json()["totalSize"] == 5
    assert list_active(api, capability="SMS").json()["totalSize"] == 9
    phone = list_active(api).json()["activeNumbers"][0]["phoneNumber"]
    by_end = list_active(api, **{"numberPattern.pattern": phone[-6:], "numberPattern.searchPattern": "END"}).json()
    assert [number["phoneNumber"] for number in by_end["activeNumbers"]] == [phone]


def test_filtered_pages_count_only_matches(api, admin):
    seed_active(admin, 30, capability=["SMS", "VOICE"])
    seed_active(admin, 30, capability=["SMS"])
    numbers, sent = all_pages(api, capability="VOICE", pageSize=7)
    assert len(numbers) == 30 and sent == 5
    assert list_active(api, capability="VOICE", pageSize=7).json()["totalSize"] == 30


def test_order_by_display_name(api, admin):
    seed_active(admin, 12, displayNamePrefix="n-")
    phones = [number["phoneNumber"] for number in list_active(api).json()["activeNumbers"]]
    api.patch(f"{ACTIVE}/{phones[-1]}", json={"displayName": "a-first"})
    numbers, sent = all_pages(api, orderBy="displayName", pageSize=5)
    names = [number["displayName"] for number in numbers]
    assert sent == 3
    assert names[0] == "a-first"
    assert names == sorted(names)


def test_get_active_number(api):
    phone = first_available(api)
    rent(api, phone)
    assert api.get(f"{ACTIVE}/{phone}").json()["phoneNumber"] == phone
    missing = api.get(f"{ACTIVE}/+12065559999")
    assert missing.status_code == 404
    detail = missing.json()["error"]["details"][0]
    assert detail == {"type": "ResourceInfo", "resourceType": "ActiveNumber", "resourceName": "+12065559999",
                      "owner": "", "description": detail["description"]}


def test_numbers_of_another_project_are_not_visible(api, admin):
    admin("POST", "/projects", {"projectId": "other"})
    phone = first_available(api)
    assert api.post(f"/v1/projects/other/availableNumbers/{phone}:rent", json={}).status_code == 200
    assert api.get(f"{ACTIVE}/{phone}").status_code == 404
    assert list_active(api).json()["totalSize"] == 0


def test_patch_changes_only_the_fields_sent(api):
    phone = first_available(api)
    rent(api, phone, {"callbackUrl": "https://example.com/a"})
    updated = api.patch(f"{ACTIVE}/{phone}", json={"displayName": "front desk"}).json()
    assert updated["displayName"] == "front desk"
    assert updated["callbackUrl"] == "https://example.com/a"
    updated = api.patch(f"{ACTIVE}/{phone}", json={"callbackUrl": "https://example.com/b"}).json()
    assert updated["displayName"] == "front desk"
    assert updated["callbackUrl"] == "https://example.com/b"
    assert api.get(f"{ACTIVE}/{phone}").json() == updated


def test_patch_validates(api):
    phone = first_available(api)
    rent(api, phone)
    assert field_violations(api.patch(f"{ACTIVE}/{phone}", json={"money": {"amount": "0"}})) == {"money"}
    assert field_violations(api.patch(f"{ACTIVE}/{phone}", json={"displayName": 5})) == {"displayName"}
    assert field_violations(api.patch(f"{ACTIVE}/{phone}", json={"smsConfiguration": {}})) == {"smsConfiguration.servicePlanId"}
    assert api.patch(f"{ACTIVE}/+12065559999", json={"displayName": "x"}).status_code == 404


def test_release_returns_number_and_makes_it_available(api):
    phone = first_available(api)
    rent(api, phone, {"callbackUrl": "https://example.com/cb"})
    api.patch(f"{ACTIVE}/{phone}", json={"displayName": "gone soon"})
    response = api.post(f"{ACTIVE}/{phone}:release")
    assert response.status_code == 200
    released = response.json()
    assert released["phoneNumber"] == phone
    assert released["displayName"] == "gone soon"
    assert released["expireAt"] == released["nextChargeDate"]
    assert api.get(f"{ACTIVE}/{phone}").status_code == 404
    assert api.get(f"{BASE}/availableNumbers/{phone}").status_code == 200
    assert api.post(f"{ACTIVE}/{phone}:release").status_code == 404
    rerented = rent(api, phone).json()
    assert rerented["displayName"] == "" and "expireAt" not in rerented
