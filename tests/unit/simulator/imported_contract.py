"""Check the simulator's Imported Numbers and Hosting Orders API (and the requests the collection's
client sends to it) against specs/imported-numbers-hosting-orders.yaml (OpenAPI 3.0.3).

The spec is loaded as it is, then adjusted in memory by the functions in ADJUSTMENTS, each small
and explained: where the spec contradicts itself, the adjustment follows the more specific text;
the rest makes answers strict (no unknown property, every property the simulator always sends
required), so a renamed, missing or misspelled field fails.
"""

import copy
from pathlib import Path

import jsonschema

try:  # as a module of the collection's package (tests/unit/plugins import it so)
    from .openapi_contract import ContractViolation, OpenApiContract, adjusted
except ImportError:  # as a top-level module, tests/unit/simulator on sys.path (conftest.py)
    from openapi_contract import ContractViolation, OpenApiContract, adjusted

SPEC_PATH = Path(__file__).resolve().parents[2] / "simulator" / "specs" / "imported-numbers-hosting-orders.yaml"
SERVER = "https://imported.numbers.api.sinch.com"

# Answer schemas made strict: name -> the properties that may be absent.
STRICT_ANSWERS = {
    "ImportedNumber": [],
    "SmsConfiguration": ["scheduledProvisioning"],  # only while a provisioning is pending or failed
    "ScheduledProvisioning": [],
    "ListImportedNumbersResponse": [],
    "HostingOrder": ["scheduledOsrUpdateTime", "textEnableInfo"],  # text-enable orders only
    "ImportHostingOrder": [],
    "ListHostingOrdersResponse": [],
    "HostingOrderNumber": [],
    "HostingOrderNumber_OsrUpdate": [],
    "HostingOrderNumber_CampaignProvisioning": [],
    "HostingOrderNumber_PlatformProvisioning": [],
    "ListHostingOrderNumbersResponse": [],
    "HostingOrderReport": [],
    "TextEnableInfo": ["businessName", "authorisedPerson", "address", "currentVoiceCarrier"],  # as the LOA had
    "QualifiedNumber": [],
    "QualifiedNumber_OsrEligibilityDetails": [],
    "QualifiedNumber_OwnershipVerificationDetails": [],
    "QualifiedNumber_HostedNumberDetails": [],
    "ListQualifiedNumber": [],
    "BatchCreateQualifiedNumbersResponse": [],
    "TextEnableResponse": [],
    "ErrorResponse": [],
}
# Filters the spec marks required on listings that "list all" of something.
OPTIONAL_FILTERS = ("servicePlanId", "campaignId", "states", "type", "globalProcessStates")


def _schemas(spec):
    return spec["components"]["schemas"]


def drop_callback_configuration(spec):
    """The callbackConfiguration paths belong to the callback configuration API's tests."""
    spec["paths"] = {path: item for path, item in spec["paths"].items() if not path.endswith("/callbackConfiguration")}


def make_list_filters_optional(spec):
    """servicePlanId, campaignId, states and type are marked required, yet the operations "list all
    imported numbers" / "the hosting orders for the project", and the spec defines optional variants
    of the first two (servicePlanIdOpt, campaignIdOpt). Optional, as in the simulator."""
    for name in OPTIONAL_FILTERS:
        spec["components"]["parameters"][name]["required"] = False


def drop_undefined_required_project_id(spec):
    """TextEnableTollFreeNumbersDirectLoaInfoRequest requires projectId without defining it, and its
    example (like every other request's) sends none: projectId is in the path."""
    for name in ("TextEnableTollFreeNumbersDirectLoaInfoRequest", "TextEnableTollFreeNumbersResellerLoaInfoRequest"):
        _schemas(spec)[name]["required"].remove("projectId")


def allow_migrate_to_sinch_tmo_in_requests(spec):
    """migrateToSinchTmo is readOnly in SmsConfiguration and TextEnableNumbersRequest, and absent from
    the toll-free requests, but the import and text-enable examples send it (it is how a number gets
    migrated on T-Mobile's platform): writable here."""
    schemas = _schemas(spec)
    for name in ("SmsConfiguration", "TextEnableNumbersRequest"):
        schemas[name]["properties"]["migrateToSinchTmo"].pop("readOnly")
    for name in ("TextEnableTollFreeNumbersDirectLoaInfoRequest", "TextEnableTollFreeNumbersResellerLoaInfoRequest"):
        schemas[name]["properties"]["migrateToSinchTmo"] = {"type": "boolean"}


def answer_deletes_with_an_empty_object(spec):
    """The DELETE operations answer 200 with `content: {}`, no media type; the simulator answers {}."""
    for path in ("/v1/projects/{projectId}/importedNumbers/{phoneNumber}", "/v1/projects/{projectId}/qualifiedNumbers/{phoneNumber}"):
        spec["paths"][path]["delete"]["responses"]["200"]["content"] = {
            "application/json": {"schema": {"type": "object", "additionalProperties": False}}}


def make_answers_strict(spec):
    """Answers use strict copies of their schemas (requests keep the originals: PATCH sends a part
    of an ImportedNumber)."""
    schemas = _schemas(spec)
    for name, optional in STRICT_ANSWERS.items():
        strict = copy.deepcopy(schemas[name])
        strict["additionalProperties"] = False
        strict["required"] = sorted(set(strict["properties"]) - set(optional))
        schemas["Strict" + name] = strict
    strict_copies = [schemas["Strict" + name] for name in STRICT_ANSWERS]
    for node in strict_copies + list(spec["paths"].values()) + list(spec["components"]["responses"].values()):
        _retarget(node)


def _retarget(node):
    """Point $refs to answer schemas at their strict copies, in place; request bodies and
    parameters keep the originals."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        if ref.startswith("#/components/schemas/") and name in STRICT_ANSWERS:
            node["$ref"] = "#/components/schemas/Strict" + name
        for key, value in node.items():
            if key not in ("requestBody", "parameters"):
                _retarget(value)
    elif isinstance(node, list):
        for item in node:
            _retarget(item)


ADJUSTMENTS = [
    drop_callback_configuration,
    make_list_filters_optional,
    drop_undefined_required_project_id,
    allow_migrate_to_sinch_tmo_in_requests,
    answer_deletes_with_an_empty_object,
    make_answers_strict,
]


class Contract(OpenApiContract):
    """Validates exchanges (a requests.Response and its request) against the adjusted spec."""

    # Bearer requests (the collection's client) use the spec's oauth2 scheme, which openapi-core cannot check.
    ignore_missing_security = True

    def __init__(self):
        super().__init__(adjusted(SPEC_PATH, ADJUSTMENTS), SERVER)

    def error_errors(self, response):
        """Error answers: the spec's flat ErrorResponse ({"code": "404", "message", "status"}, made
        strict), its code the HTTP status as a string."""
        body = response.json()
        schema = {"$ref": "#/components/schemas/StrictErrorResponse", "components": self.spec["components"]}
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(body))
        if isinstance(body, dict) and body.get("code") != str(response.status_code):
            errors.append(ContractViolation(f"code {body.get('code')!r} differs from HTTP status {response.status_code}"))
        return errors
