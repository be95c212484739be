"""Asynchronous SMS and voice provisioning: WAITING, IN_PROGRESS, applied or FAILED."""

import time

from sim_helpers import BASE, PROVISIONING_DELAY, first_available, rent, wait_until

ACTIVE = f"{BASE}/activeNumbers"


def sms_of(api, phone):
    return api.get(f"{ACTIVE}/{phone}").json()["smsConfiguration"]


def voice_of(api, phone):
    return api.get(f"{ACTIVE}/{phone}").json()["voiceConfiguration"]


def settled_sms(api, phone):
    sms = sms_of(api, phone)
    return sms if "scheduledProvisioning" not in sms else None


def settled_voice(api, phone):
    voice = voice_of(api, phone)
    return voice if "scheduledVoiceProvisioning" not in voice else None


def test_rent_schedules_sms_provisioning_then_applies_it(api):
    phone = first_available(api)
    number = rent(api, phone, {"smsConfiguration": {"servicePlanId": "plan-1", "campaignId": "camp-1"}}).json()
    sms = number["smsConfiguration"]
    assert sms["servicePlanId"] == "" and sms["campaignId"] == ""
    scheduled = sms["scheduledProvisioning"]
    assert scheduled["servicePlanId"] == "plan-1"
    assert scheduled["campaignId"] == "camp-1"
    assert scheduled["status"] == "WAITING"
    assert scheduled["errorCodes"] == []
    assert scheduled["lastUpdatedTime"].endswith("Z")

    done = wait_until(lambda: settled_sms(api, phone))
    assert done == {"servicePlanId": "plan-1", "campaignId": "camp-1"}


def test_status_follows_the_clock(api):
    phone = first_available(api)
    rent(api, phone, {"smsConfiguration": {"servicePlanId": "plan-1"}})
    time.sleep(PROVISIONING_DELAY * 0.6)
    assert sms_of(api, phone)["scheduledProvisioning"]["status"] == "IN_PROGRESS"
    time.sleep(PROVISIONING_DELAY * 0.5)
    assert sms_of(api, phone)["servicePlanId"] == "plan-1"


def test_patch_keeps_old_values_until_provisioned(api, admin):
    admin("POST", "/settings", {"provisioningDelay": 0})
    phone = first_available(api)
    rent(api, phone, {"smsConfiguration": {"servicePlanId": "old"}})
    admin("POST", "/settings", {"provisioningDelay": PROVISIONING_DELAY})
    sms = api.patch(f"{ACTIVE}/{phone}", json={"smsConfiguration": {"servicePlanId": "new"}}).json()["smsConfiguration"]
    assert sms["servicePlanId"] == "old"
    assert sms["scheduledProvisioning"]["servicePlanId"] == "new"
    wait_until(lambda: sms_of(api, phone)["servicePlanId"] == "new")


def test_service_plan_starting_with_fail_ends_failed(api):
    phone = first_available(api)
    rent(api, phone, {"smsConfiguration": {"servicePlanId": "fail-plan"}})
    time.sleep(PROVISIONING_DELAY + 0.05)
    sms = sms_of(api, phone)
    assert sms["servicePlanId"] == ""
    assert sms["scheduledProvisioning"]["status"] == "FAILED"
    assert sms["scheduledProvisioning"]["errorCodes"] == ["SMS_PROVISIONING_FAILED"]
    time.sleep(0.05)
    assert sms_of(api, phone)["scheduledProvisioning"]["status"] == "FAILED", "FAILED stays"


def test_voice_provisioning_applies_after_delay(api):
    phone = first_available(api)
    voice = rent(api, phone, {"voiceConfiguration": {"type": "FAX", "serviceId": "fax-1"}}).json()["voiceConfiguration"]
    assert voice["serviceId"] == ""
    assert "lastUpdatedTime" not in voice
    scheduled = voice["scheduledVoiceProvisioning"]
    assert scheduled["type"] == "FAX" and scheduled["serviceId"] == "fax-1" and scheduled["status"] == "WAITING"
    done = wait_until(lambda: settled_voice(api, phone))
    assert done["type"] == "FAX" and done["serviceId"] == "fax-1" and done["appId"] == ""
    assert done["lastUpdatedTime"].endswith("Z")


def test_bare_app_id_means_rtc(api):
    phone = first_available(api)
    scheduled = rent(api, phone, {"voiceConfiguration": {"appId": "app-1"}}).json()["voiceConfiguration"]["scheduledVoiceProvisioning"]
    assert scheduled["type"] == "RTC" and scheduled["appId"] == "app-1"


def test_voice_app_id_starting_with_fail_ends_failed(api):
    phone = first_available(api)
    rent(api, phone, {"voiceConfiguration": {"type": "RTC", "appId": "fail-app"}})
    time.sleep(PROVISIONING_DELAY + 0.05)
    voice = voice_of(api, phone)
    assert voice["appId"] == ""
    assert voice["scheduledVoiceProvisioning"]["status"] == "FAILED"


def test_zero_delay_applies_at_once(api, admin):
    admin("POST", "/settings", {"provisioningDelay": 0})
    phone = first_available(api)
    number = rent(api, phone, {"smsConfiguration": {"servicePlanId": "p"}, "voiceConfiguration": {"type": "EST", "trunkId": "t"}}).json()
    assert number["smsConfiguration"] == {"servicePlanId": "p", "campaignId": ""}
    assert number["voiceConfiguration"]["trunkId"] == "t"
    assert "scheduledVoiceProvisioning" not in number["voiceConfiguration"]


def test_display_name_and_callback_apply_at_once(api):
    phone = first_available(api)
    rent(api, phone)
    body = {"displayName": "now", "callbackUrl": "https://example.com/now", "smsConfiguration": {"servicePlanId": "later"}}
    number = api.patch(f"{ACTIVE}/{phone}", json=body).json()
    assert number["displayName"] == "now"
    assert number["callbackUrl"] == "https://example.com/now"
    assert number["smsConfiguration"]["servicePlanId"] == ""


def test_seeded_configuration_applies_at_once(api, admin):
    admin("POST", "/seed/active", {"count": 2, "smsConfiguration": {"servicePlanId": "seeded"},
                                   "voiceConfiguration": {"appId": "seeded-app"}})
    number = api.get(f"{ACTIVE}", params={"regionCode": "US", "type": "LOCAL"}).json()["activeNumbers"][0]
    assert number["smsConfiguration"] == {"servicePlanId": "seeded", "campaignId": ""}
    assert number["voiceConfiguration"]["appId"] == "seeded-app"
    assert "scheduledVoiceProvisioning" not in number["voiceConfiguration"]
