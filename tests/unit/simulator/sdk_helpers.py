"""The official Sinch Python SDK pointed at the simulator: fixtures and a raw-path endpoint.

The SDK is installed by `ansible-test units` from tests/unit/requirements.txt at the version
pinned there; a missing SDK fails these tests at import (never a skip).
"""

import json
import re
from pathlib import Path

import pytest
import sinch
from sinch import SinchClient
from sinch.core.endpoint import HTTPEndpoint
from sinch.core.enums import HTTPAuthentication

from sim_helpers import KEY_ID, KEY_SECRET, PROJECT

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements.txt"


def pinned_sdk_version():
    """The `sinch==X.Y.Z` pin of tests/unit/requirements.txt."""
    match = re.search(r"^sinch==([0-9][0-9A-Za-z.]*)\s*(#.*)?$", REQUIREMENTS.read_text(encoding="utf-8"), re.M)
    assert match, f"{REQUIREMENTS} must pin the SDK as sinch==X.Y.Z"
    return match.group(1)


def sdk_client(sim, project_id=PROJECT, key_secret=KEY_SECRET):
    client = SinchClient(key_id=KEY_ID, key_secret=key_secret, project_id=project_id)
    client.configuration.auth_origin = sim.url
    client.configuration.numbers_origin = sim.url
    return client


@pytest.fixture
def sdk(sim):
    """A SinchClient whose auth and Numbers origins are the simulator (OAuth2 bearer tokens)."""
    return sdk_client(sim)


class RawEndpoint(HTTPEndpoint):
    """Any path, sent through the SDK's own transport, token manager and 429 retry loop.

    The SDK has no domain for imported numbers, hosting orders, qualified numbers or
    registrations; this endpoint reaches them the way the SDK reaches every OAuth2 API.
    """

    HTTP_AUTHENTICATION = HTTPAuthentication.OAUTH.value
    ENDPOINT_URL = "{origin}{path}"
    HTTP_METHOD = "GET"

    def __init__(self, method, path, body=None, query=None):  # pylint: disable=super-init-not-called
        self.HTTP_METHOD = method  # pylint: disable=invalid-name
        self.path = path
        self.body = body
        self.query = query

    def build_url(self, sinch_client):
        return self.ENDPOINT_URL.format(origin=sinch_client.configuration.numbers_origin, path=self.path)

    def build_query_params(self):
        return self.query

    def request_body(self):
        return None if self.body is None else json.dumps(self.body)

    def handle_response(self, response):
        return response


def raw(client, method, path, body=None, query=None):
    """(status, body, headers) of one call made with the SDK's transport."""
    response = client.configuration.transport.request(RawEndpoint(method, path, body, query))
    return response.status_code, response.body, response.headers


def sdk_version():
    return sinch.__version__
