"""What the OpenAPI contract checks of the simulator share (sim_contract.py, imported_contract.py,
registrations_contract.py): a spec loaded and adjusted in memory, and a Contract that validates real
exchanges (a requests.Response and its request) against it.

Each API's module gives its spec, its adjustments and how its error answers look (error_errors).
"""

import copy
import json
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.testing import MockRequest, MockResponse
from werkzeug.datastructures import ImmutableMultiDict

METHODS = ("get", "post", "patch", "put", "delete")


class ContractViolation(AssertionError):
    pass


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def adjusted(path, adjustments):
    """The spec at path with each adjustment(spec) applied, in order."""
    spec = load(path)
    for adjust in adjustments:
        adjust(spec)
    return spec


class OpenApiContract:
    """Validates exchanges against one (adjusted) OpenAPI document served at `server`.

    Subclasses say how an error answer must look (error_errors), and:
    - ignore_missing_security: drop the request errors about security schemes (openapi-core cannot
      check an oauth2-only scheme, so a Bearer request would fail);
    - check_refused_requests: the request of an error answer must fit the spec too (False where the
      negative cases send requests the spec itself rejects).
    """

    ignore_missing_security = False
    check_refused_requests = True

    def __init__(self, spec, server):
        self.spec = spec
        self.server = server
        self.openapi = OpenAPI.from_dict(spec)
        self.finder = APICallPathFinder(self.openapi.spec)
        self.operations = {
            operation["operationId"]
            for item in spec["paths"].values()
            for method, operation in item.items()
            if method in METHODS
        }
        self.checked = set()

    def check(self, response):
        """Validate one exchange; return its operationId. Raises ContractViolation."""
        request = self.spec_request(response.request)
        operation_id = self.operation(request)
        if 200 <= response.status_code < 300:
            errors = self.request_errors(response.request)
            errors += list(self.openapi.iter_response_errors(request, spec_response(response)))
        else:
            errors = self.request_errors(response.request) if self.check_refused_requests else []
            errors += self.error_errors(response)
        if errors:
            raise ContractViolation(f"{operation_id}: " + "; ".join(describe(error) for error in errors))
        self.checked.add(operation_id)
        return operation_id

    def check_body(self, response, body):
        """Validate a (possibly altered) JSON body as the answer to response's request."""
        request = self.spec_request(response.request)
        fake = MockResponse(json.dumps(body).encode(), response.status_code, content_type="application/json")
        errors = list(self.openapi.iter_response_errors(request, fake))
        if errors:
            raise ContractViolation("; ".join(describe(error) for error in errors))

    def assert_catches(self, response, mutation):
        """The answer's JSON body passes; changed by mutation(body), it fails: the contract sees that drift."""
        body = response.json()
        self.check_body(response, body)
        altered = copy.deepcopy(body)
        mutation(altered)
        with pytest.raises(ContractViolation):
            self.check_body(response, altered)

    def request_errors(self, prepared):
        errors = list(self.openapi.iter_request_errors(self.spec_request(prepared)))
        if self.ignore_missing_security:
            errors = [error for error in errors if "SecurityNotFound" not in type(error).__name__]
        return errors

    def assert_rejected_by_both(self, response):
        """A request the spec rejects (else it is no negative case) is answered 400."""
        assert self.request_errors(response.request), "the spec accepts this request: not a negative case"
        assert response.status_code == 400, response.text

    def error_errors(self, response):
        """What is wrong with an error answer (a list, empty when it has the API's error shape)."""
        raise NotImplementedError

    def operation(self, request):
        found = self.finder.find(request.method, self.server + request.path)
        # A path parameter never swallows a ":rent"/":release"-like suffix.
        for name, value in found.path_result.variables.items():
            if ":" in value:
                raise ContractViolation(f"path parameter {name}={value!r} matched across a ':' suffix")
        return found.operation["operationId"]

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


def spec_response(response):
    return MockResponse(response.content, response.status_code, headers=dict(response.headers),
                        content_type=response.headers.get("Content-Type", "application/json"))


def describe(error):
    causes = [str(item.message) for item in getattr(error, "schema_errors", None) or []]
    nested = getattr(error, "__cause__", None)
    if nested is not None:
        causes += [str(item.message) for item in getattr(nested, "schema_errors", None) or []]
    text = getattr(error, "message", None) or str(error)
    return f"{type(error).__name__}: {text[:300]}" + (f" ({'; '.join(causes)})" if causes else "")
