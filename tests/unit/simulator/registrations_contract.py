"""Check the simulator's Sender ID Registrations API against specs/senderid-registrations.yaml,
and the numbers-side callback configuration against specs/imported-numbers-hosting-orders.yaml.

Both specs are loaded as they are, then adjusted in memory by the functions listed in
*_ADJUSTMENTS, each small and explained. Strictness: response schemas get
additionalProperties: false, and every property the simulator always sends is required, so a
renamed, missing or misspelled field fails. Error answers are validated against the spec's
RestError schema, strict as well, whatever their status (the spec lists few of them).
"""

import copy
import json
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import jsonschema
import yaml
from openapi_core import OpenAPI
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.testing import MockRequest, MockResponse
from werkzeug.datastructures import ImmutableMultiDict

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


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def adjusted(path, adjustments):
    spec = load(path)
    for adjust in adjustments:
        adjust(spec)
    return spec


class ContractViolation(AssertionError):
    pass


class Contract:
    """Validates one exchange (a requests.Response and its request) against one spec."""

    def __init__(self, spec, server):
        self.document = spec
        self.server = server
        self.openapi = OpenAPI.from_dict(spec)
        self.finder = APICallPathFinder(self.openapi.spec)
        self.operations = {
            operation["operationId"]
            for item in spec["paths"].values()
            for method, operation in item.items()
            if method in ("get", "post", "patch", "put", "delete")
        }
        error_schema = copy.deepcopy(_schemas(spec).get("RestError") or {})
        self.error_validator = jsonschema.Draft4Validator(
            {**error_schema, "components": spec["components"]}) if error_schema else None
        self.checked = set()

    def check(self, response):
        """Validate; return the operationId. Raises ContractViolation."""
        request = self.spec_request(response.request)
        operation_id = self.finder.find(request.method, self.server + request.path).operation["operationId"]
        if 200 <= response.status_code < 300:
            # What the simulator accepted, the spec must accept, and the answer must fit.
            errors = self.request_errors(response.request)
            errors += list(self.openapi.iter_response_errors(request, spec_response(response)))
        else:
            errors = self.error_errors(response)
        if errors:
            raise ContractViolation(f"{operation_id}: " + "; ".join(_describe(error) for error in errors))
        self.checked.add(operation_id)
        return operation_id

    def check_body(self, response, body):
        """Validate a (possibly altered) JSON body as the answer to response's request."""
        request = self.spec_request(response.request)
        fake = MockResponse(json.dumps(body).encode(), response.status_code, content_type="application/json")
        errors = list(self.openapi.iter_response_errors(request, fake))
        if errors:
            raise ContractViolation("; ".join(_describe(error) for error in errors))

    def request_errors(self, prepared):
        return [error for error in self.openapi.iter_request_errors(self.spec_request(prepared))
                if "SecurityNotFound" not in type(error).__name__]

    def error_errors(self, response):
        body = response.json()
        errors = list(self.error_validator.iter_errors(body)) if self.error_validator else []
        if body.get("error", {}).get("code") != response.status_code:
            errors.append(ContractViolation(f"error.code differs from HTTP status {response.status_code}"))
        return errors

    def spec_request(self, prepared):
        """The request as sent, addressed to the spec's server."""
        url = urlsplit(prepared.url)
        body = prepared.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        return MockRequest(
            self.server,
            prepared.method,
            unquote(url.path),
            args=ImmutableMultiDict(parse_qsl(url.query, keep_blank_values=True)),
            headers=dict(prepared.headers),
            data=body,
            content_type=prepared.headers.get("Content-Type") or "application/json",
        )


def registrations_contract():
    return Contract(adjusted(REGISTRATIONS_SPEC, REGISTRATIONS_ADJUSTMENTS), REGISTRATIONS_SERVER)


def callback_contract():
    return Contract(adjusted(IMPORTED_SPEC, IMPORTED_ADJUSTMENTS), IMPORTED_SERVER)


def spec_response(response):
    return MockResponse(response.content, response.status_code, headers=dict(response.headers),
                        content_type=response.headers.get("Content-Type", "application/json"))


def _describe(error):
    causes = [str(item.message) for item in getattr(error, "schema_errors", None) or []]
    nested = getattr(error, "__cause__", None)
    if nested is not None:
        causes += [str(item.message) for item in getattr(nested, "schema_errors", None) or []]
    text = getattr(error, "message", None) or str(error)
    return f"{type(error).__name__}: {text[:300]}" + (f" ({'; '.join(causes)})" if causes else "")
