"""Request parameters and bodies of the Imported Numbers and Hosting Orders API, validated."""

import re
from datetime import datetime

# regionCode: "Currently supported are US, CA" (imported numbers); hosting "is only available for the
# US and Canada".
HOSTING_REGIONS = ("US", "CA")
# :importNumbers "is limited to five numbers"; qualifiedNumbers:textEnableNumbers takes "up to 500".
IMPORT_LIMIT = 5
QUALIFIED_TEXT_ENABLE_LIMIT = 500
# Not documented for the other order requests: the qualified numbers' limit is used for them too.
TEXT_ENABLE_LIMIT = QUALIFIED_TEXT_ENABLE_LIMIT
ORDER_STATES = ("DRAFT", "SUBMITTED", "WAITING_FOR_LOA_SIGNATURE", "IN_PROGRESS", "COMPLETED", "REJECTED")
ORDER_TYPES = ("IMPORT", "TYPE_TEXT_ENABLE")

_E164 = re.compile(r"^\+[1-9][0-9]{1,14}$")
_COMMON = ("projectId", "displayName", "regionCode", "numbers", "servicePlanId", "callbackUrl", "migrateToSinchTmo")
# Fields each order request takes (ImportNumbersRequest, TextEnableNumbersRequest,
# TextEnableTollFreeNumbers*Request). migrateToSinchTmo is readOnly in the text-enable schemas but
# sent by their examples, and absent from the toll-free schemas but sent by their example: accepted.
ORDER_FIELDS = {
    "import": _COMMON + ("campaignId",),
    "text_enable": _COMMON + ("campaignId", "nnid", "directLoaInfo", "resellerLoaInfo", "blanketLoaInfo",
                              "scheduledOsrUpdateTime"),
    "text_enable_toll_free": _COMMON + ("directLoaInfo", "resellerLoaInfo", "scheduledZipwhipProvisioningTime"),
}
LOA_MEMBERS = {"directLoaInfo": "direct", "resellerLoaInfo": "reseller", "blanketLoaInfo": "blanket"}
LOA_FIELDS = {
    "direct": ("authorisedPerson", "address", "currentVoiceCarrier"),
    "reseller": ("businessName", "authorisedPerson", "address", "currentVoiceCarrier"),
    "blanket": (),
}
PERSON_FIELDS = ("firstName", "lastName", "email")
ADDRESS_FIELDS = ("buildingNumber", "street", "city", "state", "postalCode", "country")
CREATE_NUMBER_FIELDS = ("phoneNumber", "projectId", "regionCode", "displayName", "smsConfiguration", "callbackUrl")
SMS_FIELDS = ("servicePlanId", "campaignId", "migrateToSinchTmo", "scheduledProvisioning")
# updateMask paths PATCH honours. The spec's list names displayName and smsConfiguration.servicePlanId;
# its examples also change campaignId (unlinking a campaign needs it) and callbackUrl.
UPDATE_PATHS = ("displayName", "callbackUrl", "smsConfiguration.servicePlanId", "smsConfiguration.campaignId")


def e164(value, field, violations):
    if not isinstance(value, str) or not _E164.match(value):
        violations.add(field, "must be an E.164 number with a leading + (for example +12025550134)")
        return None
    return value


def region(value, field, violations):
    if value not in HOSTING_REGIONS:
        violations.add(field, f"must be one of {', '.join(HOSTING_REGIONS)}")
        return None
    return value


def numbers_list(value, field, limit, violations):
    if not isinstance(value, list) or not value:
        violations.add(field, "must be a non-empty list of E.164 numbers")
        return []
    if len(value) > limit:
        violations.add(field, f"at most {limit} numbers per request, got {len(value)}")
    numbers = [e164(item, f"{field}[{index}]", violations) for index, item in enumerate(value)]
    duplicates = sorted({item for item in numbers if item and numbers.count(item) > 1})
    if duplicates:
        violations.add(field, f"lists {', '.join(duplicates)} more than once")
    return numbers


def string(body, name, violations, required=False, prefix=""):
    value = body.get(name)
    if value is None:
        if required:
            violations.add(prefix + name, "is required")
        return ""
    if not isinstance(value, str):
        violations.add(prefix + name, "must be a string")
        return ""
    if required and not value:
        violations.add(prefix + name, "must not be empty")
    return value


def boolean(body, name, violations):
    value = body.get(name, False)
    if not isinstance(value, bool):
        violations.add(name, "must be a boolean")
        return False
    return value


def timestamp(body, name, violations):
    value = body.get(name)
    if value is None:
        return None
    try:
        datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        violations.add(name, "must be an RFC 3339 timestamp")
        return None
    return value


def project_matches(body, project_id, violations):
    """projectId is in the path; some request schemas repeat it (and one requires it without defining
    it, TextEnableTollFreeNumbersDirectLoaInfoRequest). Optional here, as the examples send none."""
    if body.get("projectId") not in (None, "", project_id):
        violations.add("projectId", f"differs from the project in the path ({project_id})")


def loa(body, kind, violations):
    """(loa type, LOA object as sent) from the one *LoaInfo member of a text-enable request."""
    given = [name for name in LOA_MEMBERS if name in body]
    if len(given) != 1:
        allowed = [name for name in LOA_MEMBERS if name in ORDER_FIELDS[kind]]
        violations.add("loaInfo", f"exactly one of {', '.join(allowed)} is required")
        return None, None
    member = given[0]
    loa_type = LOA_MEMBERS[member]
    value = body[member]
    if not isinstance(value, dict):
        violations.add(member, "must be an object")
        return None, None
    violations.check_fields(value, LOA_FIELDS[loa_type], prefix=f"{member}.")
    for name in LOA_FIELDS[loa_type]:
        if name == "authorisedPerson":
            _object(value, name, PERSON_FIELDS, f"{member}.", violations)
        elif name == "address":
            _object(value, name, ADDRESS_FIELDS, f"{member}.", violations)
        else:
            string(value, name, violations, required=True, prefix=f"{member}.")
    return loa_type, value


def _object(parent, name, fields, prefix, violations):
    value = parent.get(name)
    if not isinstance(value, dict):
        violations.add(prefix + name, "is required (an object)")
        return
    violations.check_fields(value, fields, prefix=f"{prefix}{name}.")
    for field_name in fields:
        string(value, field_name, violations, required=True, prefix=f"{prefix}{name}.")


def mask(raw, violations):
    if not raw:
        violations.add("updateMask", "is required: name the fields to update")
        return []
    paths = []
    for path in raw.split(","):
        path = path.strip()
        if path == "smsConfiguration":
            paths.extend(("smsConfiguration.servicePlanId", "smsConfiguration.campaignId"))
        elif path in UPDATE_PATHS:
            paths.append(path)
        else:
            violations.add("updateMask", f"{path!r} cannot be updated (updatable: {', '.join(UPDATE_PATHS)})")
    return paths


def one_of(raw, field, allowed, violations):
    if raw in (None, ""):
        return None
    if raw not in allowed:
        violations.add(field, f"must be one of {', '.join(allowed)}")
        return None
    return raw
