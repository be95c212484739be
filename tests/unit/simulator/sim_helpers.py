"""Constants and helpers shared by the simulator's tests (conftest.py puts this directory on sys.path)."""

import time

import requests

PROJECT = "demo-project"
KEY_ID = "demo-key"
KEY_SECRET = "demo-secret-do-not-log"
BASE = f"/v1/projects/{PROJECT}"
# Short, so provisioning tests stay fast; long enough to observe WAITING and IN_PROGRESS.
PROVISIONING_DELAY = 0.4


class Session(requests.Session):
    """requests.Session that takes paths relative to the simulator's URL."""

    def __init__(self, base_url, auth=None):
        super().__init__()
        self.base_url = base_url
        self.auth = auth

    def request(self, method, url, *args, **kwargs):  # pylint: disable=arguments-differ
        return super().request(method, self.base_url + url, *args, **kwargs)


def seed_active(admin, count, region="US", number_type="LOCAL", **extra):
    body = {"projectId": PROJECT, "count": count, "regionCode": region, "type": number_type, **extra}
    return admin("POST", "/seed/active", body)


def list_active(api, region="US", number_type="LOCAL", **query):
    return api.get(f"{BASE}/activeNumbers", params={"regionCode": region, "type": number_type, **query})


def first_available(api, region="US", number_type="LOCAL", **query):
    response = api.get(f"{BASE}/availableNumbers", params={"regionCode": region, "type": number_type, "size": 1, **query})
    assert response.status_code == 200, response.text
    return response.json()["availableNumbers"][0]["phoneNumber"]


def rent(api, phone, body=None):
    return api.post(f"{BASE}/availableNumbers/{phone}:rent", json=body or {})


def wait_until(predicate, timeout=5.0, interval=0.05):
    """Poll predicate() until it returns a truthy value; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)
