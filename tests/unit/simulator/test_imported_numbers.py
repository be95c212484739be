"""The simulator's imported numbers: create, update masks, the unlink-before-link rule, listing."""

from imported_helpers import clock  # noqa: F401  pylint: disable=unused-import
from imported_helpers import error_of, violated_fields
from sim_helpers import BASE

IMPORTED = f"{BASE}/importedNumbers"


def create(api, phone="+12025550134", plan="plan-a", campaign="", **extra):
    body = {"phoneNumber": phone, "regionCode": "US",
            "smsConfiguration": {"servicePlanId": plan, "campaignId": campaign}, **extra}
    response = api.post(IMPORTED, json=body)
    assert response.status_code == 200, response.text
    return response.json()


def patch(api, mask, body, phone="+12025550134"):
    return api.patch(f"{IMPORTED}/{phone}", params={"updateMask": mask} if mask is not None else {}, json=body)


def test_linking_is_provisioned_on_the_clock(api, clock):
    created = create(api, campaign="CAMP")
    assert created["smsConfiguration"]["servicePlanId"] == ""
    assert created["smsConfiguration"]["scheduledProvisioning"]["status"] == 1
    clock.advance(0.6)
    assert api.get(f"{IMPORTED}/+12025550134").json()["smsConfiguration"]["scheduledProvisioning"]["status"] == 2
    clock.advance(0.5)
    sms = api.get(f"{IMPORTED}/+12025550134").json()["smsConfiguration"]
    assert sms == {"servicePlanId": "plan-a", "campaignId": "CAMP", "migrateToSinchTmo": False}


def test_a_failing_link_stays_visible_with_its_error_code(api, clock):
    create(api, plan="fail-plan")
    clock.advance(1.1)
    scheduled = api.get(f"{IMPORTED}/+12025550134").json()["smsConfiguration"]["scheduledProvisioning"]
    assert scheduled["status"] == 3
    assert scheduled["errorCodes"] == [2]


def test_patch_honours_the_update_mask(api):
    create(api)
    response = patch(api, "displayName", {"displayName": "desk", "callbackUrl": "https://ignored.example"})
    assert response.status_code == 200
    assert response.json()["displayName"] == "desk"
    assert response.json()["callbackUrl"] == ""
    # a path in the mask that the body leaves out is cleared
    assert patch(api, "displayName", {}).json()["displayName"] == ""


def test_patch_needs_a_mask_of_updatable_fields(api):
    create(api)
    assert patch(api, None, {"displayName": "x"}).status_code == 400
    refused = patch(api, "regionCode", {"regionCode": "CA"})
    assert refused.status_code == 400
    assert "regionCode" in error_of(refused)["message"]


def test_a_link_must_be_unlinked_before_another_one(api):
    create(api)
    refused = patch(api, "smsConfiguration.servicePlanId", {"smsConfiguration": {"servicePlanId": "plan-b"}})
    assert refused.status_code == 400
    assert "unlink it first" in error_of(refused)["message"]
    unlinked = patch(api, "smsConfiguration.servicePlanId", {"smsConfiguration": {"servicePlanId": ""}}).json()
    assert unlinked["smsConfiguration"]["servicePlanId"] == ""
    assert "scheduledProvisioning" not in unlinked["smsConfiguration"]
    linked = patch(api, "smsConfiguration.servicePlanId", {"smsConfiguration": {"servicePlanId": "plan-b"}}).json()
    assert linked["smsConfiguration"]["scheduledProvisioning"]["servicePlanId"] == "plan-b"


def test_unlinking_during_a_pending_link_keeps_the_rest_of_it(api):
    create(api, campaign="CAMP")
    unlinked = patch(api, "smsConfiguration.servicePlanId", {"smsConfiguration": {"servicePlanId": ""}}).json()
    assert unlinked["smsConfiguration"]["servicePlanId"] == ""
    assert unlinked["smsConfiguration"]["campaignId"] == "CAMP"


def test_import_refuses_duplicates_bad_regions_and_missing_configuration(api):
    create(api)
    assert api.post(IMPORTED, json={"phoneNumber": "+12025550134", "regionCode": "US",
                                    "smsConfiguration": {"servicePlanId": "p"}}).status_code == 409
    bad = api.post(IMPORTED, json={"phoneNumber": "2025550135", "regionCode": "GB", "smsConfiguration": {}})
    assert bad.status_code == 400
    assert violated_fields(bad) == {"phoneNumber", "regionCode", "smsConfiguration.servicePlanId"}


def test_listing_pages_and_filters(api, clock):
    for index in range(5):
        create(api, phone=f"+1202555014{index}", plan="plan-list" if index % 2 else "plan-other")
    clock.advance(1.1)
    first = api.get(IMPORTED, params={"pageSize": 2}).json()
    assert [number["phoneNumber"] for number in first["importedNumbers"]] == ["+12025550140", "+12025550141"]
    assert first["totalSize"] == 5
    second = api.get(IMPORTED, params={"pageSize": 2, "pageToken": first["nextPageToken"]}).json()
    assert [number["phoneNumber"] for number in second["importedNumbers"]] == ["+12025550142", "+12025550143"]
    filtered = api.get(IMPORTED, params={"servicePlanId": "plan-list"}).json()
    assert [number["phoneNumber"] for number in filtered["importedNumbers"]] == ["+12025550141", "+12025550143"]
    assert filtered["nextPageToken"] == ""
    assert api.get(IMPORTED, params={"orderBy": "createdTime"}).status_code == 400


def test_delete_and_reset(api, sim):
    create(api)
    assert api.delete(f"{IMPORTED}/+12025550134").json() == {}
    assert api.delete(f"{IMPORTED}/+12025550134").status_code == 404
    create(api)
    sim.reset()
    assert api.get(IMPORTED).json()["importedNumbers"] == []
