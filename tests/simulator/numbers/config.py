"""Request bodies of the Numbers API: SMS/voice configuration and the plain fields."""

from .models import VOICE_ID_FIELDS, voice_config

SMS_FIELDS = ("servicePlanId", "campaignId")
VOICE_FIELDS = ("type", "appId", "trunkId", "serviceId")


def parse_sms(value, field, violations):
    """{servicePlanId, campaignId} to provision, or None. servicePlanId is required
    (numbers-rent-v1.0.3.md); a missing campaignId means none."""
    if not isinstance(value, dict):
        violations.add(field, "must be an object")
        return None
    violations.check_fields(value, SMS_FIELDS, prefix=f"{field}.")
    service_plan_id = violations.optional_string(value, "servicePlanId", prefix=f"{field}.")
    campaign_id = violations.optional_string(value, "campaignId", prefix=f"{field}.")
    if "servicePlanId" not in value:
        violations.add(f"{field}.servicePlanId", "is required")
        return None
    return {"servicePlanId": service_plan_id or "", "campaignId": campaign_id or ""}


def parse_voice(value, field, violations):
    """A full voice configuration to provision, or None.

    `type` RTC/EST/FAX selects appId/trunkId/serviceId (per the official SDKs). The spec
    files only show appId, so a body without `type` means RTC.
    """
    if not isinstance(value, dict):
        violations.add(field, "must be an object")
        return None
    violations.check_fields(value, VOICE_FIELDS, prefix=f"{field}.")
    voice_type = value.get("type") or "RTC"
    if voice_type not in VOICE_ID_FIELDS:
        violations.add(f"{field}.type", f"must be one of {', '.join(VOICE_ID_FIELDS)}")
        return None
    id_field = VOICE_ID_FIELDS[voice_type]
    for other in VOICE_ID_FIELDS.values():
        if other != id_field and value.get(other):
            violations.add(f"{field}.{other}", f"is not used by type {voice_type} (use {id_field})")
    voice_id = violations.optional_string(value, id_field, prefix=f"{field}.")
    if id_field not in value:
        violations.add(f"{field}.{id_field}", f"is required for type {voice_type}")
        return None
    return voice_config(voice_type, voice_id or "")


def parse_number_update(body, allowed, violations):
    """The fields of a rent or update body that are present, validated.

    Returns a dict with any of displayName, callbackUrl, sms, voice.
    """
    violations.check_fields(body, allowed)
    update = {}
    for name in ("displayName", "callbackUrl"):
        if name in allowed and body.get(name) is not None:
            value = violations.optional_string(body, name)
            if value is not None:
                update[name] = value
    # null counts as absent, as an unset message field does in protobuf JSON.
    if body.get("smsConfiguration") is not None:
        update["sms"] = parse_sms(body["smsConfiguration"], "smsConfiguration", violations)
    if body.get("voiceConfiguration") is not None:
        update["voice"] = parse_voice(body["voiceConfiguration"], "voiceConfiguration", violations)
    return update


def check_capabilities(offer, update, violations):
    """SMS configuration needs an SMS-capable number, voice configuration a voice one."""
    if "sms" in update and "SMS" not in offer.capability:
        violations.add("smsConfiguration", f"{offer.phone_number} has no SMS capability")
    if "voice" in update and "VOICE" not in offer.capability:
        violations.add("voiceConfiguration", f"{offer.phone_number} has no VOICE capability")


def apply_update(number, update, now, delay):
    """Names and URLs apply at once; SMS and voice configuration go through provisioning.

    Returns the provisioning jobs started, as ("sms" | "voice", job) pairs.
    """
    if "displayName" in update:
        number.display_name = update["displayName"]
    if "callbackUrl" in update:
        number.callback_url = update["callbackUrl"]
    started = []
    if update.get("sms") is not None:
        started.append(("sms", number.schedule_sms(update["sms"], now, delay)))
    if update.get("voice") is not None:
        started.append(("voice", number.schedule_voice(update["voice"], now, delay)))
    return started
