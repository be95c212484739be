"""A test client for the simulator's legacy endpoints, with its own signer, and its fixtures.

The signer here is written from the worked examples of specs/legacy-number-administration.md on
its own, like the simulator's (simulator/legacy/auth.py) and the collection's
(module_utils/legacy/signing.py): three independent implementations that the tests hold against
each other and against the document's eight examples (content type application/json on every
request, path without its leading "/").
"""

import base64
import hashlib
import hmac
import json
from datetime import datetime, timedelta, timezone

import pytest
import requests
from legacy_contract import LegacyContract

EMAIL = "demo@example.com"
PASSWORD = "demo-dashboard-password"
ADMIN_KEY = "669762D5-2B10-44E0-8418-BC9EE4457555"
APP = "bb7b4e39-4227-4913-8c81-2db4abb54fb3"
OTHER_APP = "5a0c6e0e-52b5-4e1b-9a37-4b8e3f7c1d20"
ORG = "/v1/organisations/id/8888123"
SHOP = ORG + "/numbers/shop"


def now_stamp(shift_seconds=0.0):
    moment = datetime.now(timezone.utc) + timedelta(seconds=shift_seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def signature(secret, method, body, content_type, stamp, path):
    md5 = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""
    text = "\n".join([method, md5, content_type, "x-timestamp:" + stamp, path.removeprefix("/")])
    return base64.b64encode(hmac.new(base64.b64decode(secret), text.encode(), hashlib.sha256).digest()).decode()


class LegacyApi:
    """Logs in, creates an instance and signs requests; every answer is checked against the document."""

    def __init__(self, base_url, contract):
        self.base_url = base_url
        self.contract = contract
        self.session = requests.Session()
        self.authorization = None
        self.instance = None

    def send(self, method, path, body=None, headers=None, check=True):
        data = json.dumps(body).encode() if body is not None else None
        merged = {"Content-Type": "application/json"} if data else {}
        merged.update(headers or {})
        response = self.session.request(method, self.base_url + path, data=data, headers=merged)
        if check:
            self.contract.check(response)
        return response

    def log_in(self, email=EMAIL, password=PASSWORD, key=ADMIN_KEY, stamp=None):
        headers = {"Authorization": f"Application {key}", "X-Timestamp": stamp or now_stamp()}
        response = self.send("POST", f"/v1/users/email/{email}/authentication", {"password": password}, headers)
        if response.status_code == 200:
            self.authorization = response.json()["authorization"]
        return response

    def create_instance(self, authorization=None):
        authorization = authorization or self.authorization
        body = {"authorization": authorization, "version": {"os": "Linux", "platform": "pytest"}}
        headers = {"Authorization": f"User {authorization}", "X-Timestamp": now_stamp()}
        response = self.send("POST", "/v1/instance", body, headers)
        if response.status_code == 200:
            self.instance = response.json()
        return response

    def start(self):
        assert self.log_in().status_code == 200
        assert self.create_instance().status_code == 200
        return self

    def signed(self, method, path, body=None, stamp=None, secret=None, check=True, query=""):
        """The path is signed without the query string (CanonicalizedResource is the path)."""
        data = json.dumps(body).encode() if body is not None else b""
        stamp = stamp or now_stamp()
        signed = signature(secret or self.instance["secret"], method, data, "application/json", stamp, path)
        headers = {"Authorization": f"Instance {self.instance['id']}:{signed}", "X-Timestamp": stamp}
        return self.send(method, path + query, body, headers, check=check)

    def close(self):
        self.session.close()


@pytest.fixture(scope="session")
def legacy_contract():
    return LegacyContract()


@pytest.fixture
def legacy(sim, legacy_contract):
    """A LegacyApi that is logged in and has an instance."""
    api = LegacyApi(sim.url, legacy_contract).start()
    yield api
    api.close()


@pytest.fixture
def fresh(sim, legacy_contract):
    """A LegacyApi that has done nothing yet."""
    api = LegacyApi(sim.url, legacy_contract)
    yield api
    api.close()


def numbers_of(response):
    assert response.status_code == 200, response.text
    return [item["number"] for item in response.json()]
