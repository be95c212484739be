"""Check the simulator's real requests and responses against specs/numbers.yaml (OpenAPI 3.1).

The spec is loaded as it is, then adjusted in memory by the functions listed in
SPEC_ADJUSTMENTS, each one small and explained. Two kinds:
- deviations, where numbers.yaml contradicts itself, numbers-rent-v1.0.3.md (the more specific
  document) or what the official SDKs send and read;
- strictness: response schemas get additionalProperties: false and every property required,
  and the enums numbers-rent-v1.0.3.md lists, so a renamed, missing or misspelled field fails.
Error answers are not in numbers.yaml (only "200 ... or an error"): ERROR_SCHEMA describes
them from numbers-rent-v1.0.3.md.
"""

import copy
from pathlib import Path

import jsonschema

from openapi_contract import ContractViolation, OpenApiContract, adjusted, load

SPEC_PATH = Path(__file__).resolve().parents[2] / "simulator" / "specs" / "numbers.yaml"
SPEC_SERVER = "https://numbers.api.sinch.com"

# From numbers-rent-v1.0.3.md ("Enum: ..." lines).
NUMBER_TYPES = ["MOBILE", "LOCAL", "TOLL_FREE"]
CAPABILITIES = ["SMS", "VOICE"]
PROVISIONING_STATUSES = ["PROVISIONING_STATUS_UNSPECIFIED", "WAITING", "IN_PROGRESS", "FAILED"]
SMS_ERROR_CODES = [
    "ERROR_CODE_UNSPECIFIED", "INTERNAL_ERROR", "SMS_PROVISIONING_FAILED", "CAMPAIGN_PROVISIONING_FAILED",
    "CAMPAIGN_NOT_AVAILABLE", "EXCEEDED_10DLC_LIMIT", "NUMBER_PROVISIONING_FAILED", "PARTNER_SERVICE_UNAVAILABLE",
    "CAMPAIGN_PENDING_ACCEPTANCE", "MNO_SHARING_ERROR", "CAMPAIGN_EXPIRED", "CAMPAIGN_MNO_REJECTED",
    "CAMPAIGN_MNO_SUSPENDED", "CAMPAIGN_MNO_REVIEW", "INSUFFICIENT_BALANCE", "MOCK_CAMPAIGN_NOT_ALLOWED",
    "TFN_NOT_ALLOWED", "INVALID_NNID",
]
# Voice configuration types (official SDKs; numbers-rent-v1.0.3.md names appId/serviceId/trunkId).
VOICE_TYPES = ["RTC", "EST", "FAX"]

# Schemas that only describe responses: these are made strict.
RESPONSE_SCHEMAS = [
    "ActiveNumberResponse", "AvailableNumber", "AvailableRegion", "ListActiveNumbersResponse",
    "ListAvailableNumbersResponse", "ListAvailableRegionsResponse", "money", "scheduledProvisioning",
    "scheduledVoiceProvisioning",
]

_STRING = {"type": "string"}
_ERROR_DETAIL = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {"enum": ["BadRequest", "ResourceInfo"]},
        "fieldViolations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "description"],
                "additionalProperties": False,
                "properties": {"field": _STRING, "description": _STRING},
            },
        },
        "resourceType": _STRING,
        "resourceName": _STRING,
        "owner": _STRING,
        "description": _STRING,
    },
    "additionalProperties": False,
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "status", "details"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "integer"},
                "message": _STRING,
                "status": _STRING,
                "details": {"type": "array", "items": _ERROR_DETAIL},
            },
        }
    },
}
# numbers-rent-v1.0.3.md: the status each error code comes with; numbers.yaml: PermissionDenied.
ERROR_STATUSES = {400: ["INVALID_ARGUMENT"], 403: ["PERMISSION_DENIED"], 404: ["NOT_FOUND"],
                  500: ["INTERNAL", "UNKNOWN"]}


def _schemas(spec):
    return spec["components"]["schemas"]


def fix_sms_required_key(spec):
    """numbers.yaml requires `servicePlanID` but names the property `servicePlanId`; the
    request schema and numbers-rent-v1.0.3.md say servicePlanId is the required one."""
    for name in ("ActiveNumberResponse", "RentNumberResponse"):
        _schemas(spec)[name]["properties"]["smsConfiguration"]["required"] = ["servicePlanId"]


def let_unset_fields_be_absent(spec):
    """expireAt, voice lastUpdatedTime and the scheduled provisioning objects have no value most of
    the time. numbers.yaml types them string/object, not nullable, so an unset one is left out
    (never null); strictness stays for every other property. Runs after make_responses_strict."""
    active = _schemas(spec)["ActiveNumberResponse"]
    optional = [
        (active, "expireAt"),
        (active["properties"]["smsConfiguration"], "scheduledProvisioning"),
        (active["properties"]["voiceConfiguration"], "scheduledVoiceProvisioning"),
        (active["properties"]["voiceConfiguration"], "lastUpdatedTime"),
    ]
    for schema, name in optional:
        schema["required"] = [item for item in schema["required"] if item != name]


def add_voice_types(spec):
    """Voice configuration has a type (RTC/EST/FAX) choosing appId, trunkId or serviceId
    (official SDKs; numbers-rent-v1.0.3.md names all three ids). numbers.yaml shows appId only."""
    fields = {"type": {"type": "string", "enum": VOICE_TYPES}, "trunkId": _STRING, "serviceId": _STRING}
    schemas = _schemas(spec)
    targets = [
        schemas["VoiceConfiguration"],
        schemas["ActiveNumberResponse"]["properties"]["voiceConfiguration"],
        schemas["scheduledVoiceProvisioning"],
    ]
    for schema in targets:
        schema["properties"].update(copy.deepcopy(fields))


def add_callback_url(spec):
    """numbers-rent-v1.0.3.md has callbackUrl in the rent request and in the active number;
    the SDKs also send it on update. numbers.yaml lacks it."""
    schemas = _schemas(spec)
    for name in ("ActiveNumberResponse", "RentNumberRequest", "ActiveNumberRequest"):
        schemas[name]["properties"]["callbackUrl"] = dict(_STRING)


def add_enums(spec):
    """numbers.yaml describes enums with x-enumDescriptions only; numbers-rent-v1.0.3.md
    lists the values. Enforce them."""
    schemas = _schemas(spec)
    schemas["NumberType"]["enum"] = NUMBER_TYPES
    schemas["NumberCapability"]["enum"] = CAPABILITIES
    schemas["ProvisioningStatus"]["enum"] = PROVISIONING_STATUSES
    schemas["SmsErrorCode"]["enum"] = SMS_ERROR_CODES


def make_responses_strict(spec):
    """Every property of a response schema must be present, and nothing else may be."""
    for name in RESPONSE_SCHEMAS:
        _strict(_schemas(spec)[name])


SPEC_ADJUSTMENTS = [
    fix_sms_required_key,
    add_voice_types,
    add_callback_url,
    add_enums,
    make_responses_strict,
    let_unset_fields_be_absent,
]


def _strict(schema):
    """Recursively through inline objects; $ref'd schemas are handled by their own name."""
    for branch in schema.get("anyOf", []):
        _strict(branch)
    if schema.get("type") == "array" and "items" in schema:
        _strict(schema["items"])
    if "properties" in schema:
        schema["additionalProperties"] = False
        schema["required"] = sorted(schema["properties"])
        for child in schema["properties"].values():
            _strict(child)


def load_spec_document():
    return load(SPEC_PATH)


class Contract(OpenApiContract):
    """Validates exchanges (a requests.Response and its request) against the adjusted numbers.yaml."""

    def __init__(self):
        super().__init__(adjusted(SPEC_PATH, SPEC_ADJUSTMENTS), SPEC_SERVER)

    def error_errors(self, response):
        return list(error_body_errors(response.status_code, response.json()))


def error_body_errors(status_code, body):
    yield from jsonschema.Draft202012Validator(ERROR_SCHEMA).iter_errors(body)
    error = body.get("error", {}) if isinstance(body, dict) else {}
    if error.get("code") != status_code:
        yield ContractViolation(f"error.code {error.get('code')} differs from HTTP status {status_code}")
    allowed = ERROR_STATUSES.get(status_code)
    if allowed and error.get("status") not in allowed:
        yield ContractViolation(f"error.status {error.get('status')!r} is not one of {allowed}")
