"""Seeding for the drift and cost report: prices, ages, provisioning states, aged orders and drafts."""

import time

from sim_helpers import BASE, PROJECT, list_active, seed_active


def only(api, region="US", number_type="LOCAL"):
    numbers = list_active(api, region, number_type).json()["activeNumbers"]
    assert len(numbers) == 1
    return numbers[0]


def seconds_ago(stamp):
    from datetime import datetime
    return time.time() - datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def test_price_and_payment_interval(api, admin):
    seed_active(admin, 1, "SE", "LOCAL", monthlyPrice={"currencyCode": "SEK", "amount": "30.00"}, paymentIntervalMonths=3)
    number = only(api, "SE")
    assert number["money"] == {"currencyCode": "SEK", "amount": "30.00"}
    assert number["paymentIntervalMonths"] == 3


def test_a_failed_sms_and_a_pending_voice_provisioning_since_a_given_age(api, admin):
    seed_active(admin, 1, scheduledProvisioning={"sms": "FAILED", "voice": "IN_PROGRESS", "ageSeconds": 7200})
    number = only(api)
    sms = number["smsConfiguration"]["scheduledProvisioning"]
    voice = number["voiceConfiguration"]["scheduledVoiceProvisioning"]
    assert (sms["status"], sms["errorCodes"], number["smsConfiguration"]["servicePlanId"]) == (
        "FAILED", ["SMS_PROVISIONING_FAILED"], "")
    assert voice["status"] == "IN_PROGRESS" and voice["appId"] == "seeded-app"
    assert 7190 < seconds_ago(sms["lastUpdatedTime"]) < 7300
    assert 7190 < seconds_ago(voice["lastUpdatedTime"]) < 7300


def test_a_waiting_provisioning_stays_waiting(api, admin):
    seed_active(admin, 1, scheduledProvisioning={"sms": "WAITING", "ageSeconds": 60})
    assert only(api)["smsConfiguration"]["scheduledProvisioning"]["status"] == "WAITING"


def test_bad_extras_are_refused(anon):
    response = anon.post("/_sim/seed/active", json={
        "projectId": PROJECT, "count": 1, "monthlyPrice": {"currencyCode": "usd", "amount": "x"},
        "paymentIntervalMonths": 0, "ageSeconds": -1, "scheduledProvisioning": {"sms": "DONE"}})
    assert response.status_code == 400
    fields = {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]}
    assert fields == {"monthlyPrice", "paymentIntervalMonths", "ageSeconds", "scheduledProvisioning.sms"}


def test_an_order_can_be_aged_to_stuck_or_completed(api, admin):
    admin("POST", "/settings", {"provisioningDelay": 3600})
    orders = []
    for phone in ("+12025550140", "+12025550141"):
        response = api.post(f"{BASE}/hostingOrders:importNumbers",
                            json={"regionCode": "US", "numbers": [phone], "servicePlanId": "plan"})
        assert response.status_code == 200, response.text
        orders.append(response.json()["hostingOrderId"])
    stuck = admin("POST", f"/imported/hostingOrders/{orders[0]}/timing", {"ageSeconds": 360000, "delaySeconds": 3600000})
    done = admin("POST", f"/imported/hostingOrders/{orders[1]}/timing", {"ageSeconds": 360000, "delaySeconds": 10})
    assert stuck["state"] == "SUBMITTED" and 359990 < seconds_ago(stuck["createdTime"]) < 360100
    assert done["state"] == "COMPLETED"
    imported = api.get(f"{BASE}/importedNumbers").json()["importedNumbers"]
    assert [number["phoneNumber"] for number in imported] == ["+12025550141"]


def test_a_draft_can_be_made_long_ago(admin):
    draft = admin("POST", "/registrations/drafts", {
        "projectId": PROJECT, "ageSeconds": 864000, "policyId": "pol-gb-alpha-1",
        "requestDetails": [{"senderIdDetails": [{"senderId": "ACME", "useCase": "Alerts"}],
                            "additionalDetails": [{"companyName": "A", "email": "a@example.com"}]}]})
    assert draft["status"] == "DRAFT"
    assert 863990 < seconds_ago(draft["createTime"] + "Z") < 864100
