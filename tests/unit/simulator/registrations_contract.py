"""Check the simulator's Sender ID Registrations API against specs/senderid-registrations.yaml,
and the numbers-side callback configuration against specs/imported-numbers-hosting-orders.yaml.

Both specs are loaded as they are, then adjusted in memory by the functions listed in
*_ADJUSTMENTS, each small and explained. Strictness: response schemas get
additionalProperties: false, and every property the simulator always sends is required, so a
renamed, missing or misspelled field fails. Error answers are validated against the spec's
RestError schema, strict as well, whatever their status (the spec lists few of them).
"""

import copy
from pathlib import Path

import jsonschema

from openapi_contract import ContractViolation, OpenApiContract, adjusted

SPECS = Path(__file__).resolve().parents[2] / "simulator" / "specs"
REGISTRATIONS_SPEC = SPECS / "senderid-registrations.yaml"
IMPORTED_SPEC = SPECS / "imported-numbers-hosting-orders.yaml"
REGISTRATIONS_SERVER = "https://senderid.registrations.api.sinch.com"
IMPORTED_SERVER = "https://imported.numbers.api.sinch.com"

# Response schemas whose properties the simulator always sends: all required.
ALWAYS_COMPLETE = [
    "Attachment", "AttachmentDefinition", "GetRegistrationResponse", "ListAvailableMarketsResponse",
    "ListMarketVersionsResponse", "ListRegistrationsResponse", "LogEntry", "MarketDescription", "MarketVersion",
    "Policy", "Policy_JsonPolicy", "Policy_Pricing", "Pricing", "Pricing_Subscription",
]
# Response schemas with optional properties: no unknown ones, these required.
PARTLY_REQUIRED = {
    "CallbackConfigurationResponse": ["projectId"],  # hmacSecret only once one is set
    "SpecialCondition": [],  # policyId, or prompt + chainedSpecialConditions
    "ChainedSpecialCondition": ["answer"],
    "RequestDetails": ["senderIdDetails"],
}


def _schemas(spec):
    return spec["components"]["schemas"]


def describe_multipart_upload(spec):
    """The upload body is typed as one binary string under multipart/form-data; a multipart
    body is a set of named parts, which openapi-core can only read as an object. The spec names
    no part; the simulator takes the first part with a filename, the client sends "file"."""
    operation = spec["paths"]["/v1/projects/{projectId}/registrations/{registrationId}/attachments/{attachmentId}"]["post"]
    operation["requestBody"]["content"]["multipart/form-data"]["schema"] = {
        "type": "object",
        "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary"}},
    }


def accept_spaced_market_version_time(spec):
    """MarketVersion.createTime is format date-time with the example '2023-09-17 06:22:34.372747'
    (a space, no offset): the simulator answers in the example's form, which RFC 3339 does not allow."""
    _schemas(spec)["MarketVersion"]["properties"]["createTime"].pop("format")


def answer_delete_with_an_empty_object(spec):
    """deleteRegistration answers 200 with `content: {}`, no media type. The simulator's server
    answers every non-file reply as JSON, so it sends {} (which a client reads as nothing)."""
    operation = spec["paths"]["/v1/projects/{projectId}/registrations/{registrationId}"]["delete"]
    operation["responses"]["200"]["content"] = {
        "application/json": {"schema": {"type": "object", "additionalProperties": False}}}


def make_registration_responses_strict(spec):
    schemas = _schemas(spec)
    for name in ALWAYS_COMPLETE:
        schemas[name]["additionalProperties"] = False
        schemas[name]["required"] = sorted(schemas[name]["properties"])
    for name, required in PARTLY_REQUIRED.items():
        schemas[name]["additionalProperties"] = False
        if required:
            schemas[name]["required"] = required
    schemas["InternalRestError"]["additionalProperties"] = False
    schemas["InternalRestError"]["required"] = ["code", "details", "message", "status"]
    schemas["RestError"]["additionalProperties"] = False
    schemas["RestError"]["required"] = ["error"]


REGISTRATIONS_ADJUSTMENTS = [describe_multipart_upload, accept_spaced_market_version_time,
                             answer_delete_with_an_empty_object, make_registration_responses_strict]


def keep_callback_paths_only(spec):
    """Only the callback configuration of imported-numbers-hosting-orders.yaml is ours; the
    imported numbers engineer's contract covers the rest."""
    spec["paths"] = {path: item for path, item in spec["paths"].items() if path.endswith("/callbackConfiguration")}


def make_callback_configuration_strict(spec):
    schema = _schemas(spec)["CallbackConfiguration"]
    schema["additionalProperties"] = False
    schema["required"] = ["projectId"]


IMPORTED_ADJUSTMENTS = [keep_callback_paths_only, make_callback_configuration_strict]


class Contract(OpenApiContract):
    """Validates one exchange (a requests.Response and its request) against one spec; error answers
    against its RestError schema (when it has one), whatever their status."""

    # The registrations API takes OAuth2 bearer tokens only, a scheme openapi-core cannot check.
    ignore_missing_security = True
    # What the simulator refused may be what the spec refuses too (the negative cases).
    check_refused_requests = False

    def __init__(self, spec, server):
        super().__init__(spec, server)
        error_schema = copy.deepcopy(spec["components"]["schemas"].get("RestError") or {})
        self.error_validator = jsonschema.Draft4Validator(
            {**error_schema, "components": spec["components"]}) if error_schema else None

    def error_errors(self, response):
        body = response.json()
        errors = list(self.error_validator.iter_errors(body)) if self.error_validator else []
        if body.get("error", {}).get("code") != response.status_code:
            errors.append(ContractViolation(f"error.code differs from HTTP status {response.status_code}"))
        return errors


def registrations_contract():
    return Contract(adjusted(REGISTRATIONS_SPEC, REGISTRATIONS_ADJUSTMENTS), REGISTRATIONS_SERVER)


def callback_contract():
    return Contract(adjusted(IMPORTED_SPEC, IMPORTED_ADJUSTMENTS), IMPORTED_SERVER)
