"""Fixtures for the imported numbers simulator tests."""

import time

import pytest

from sim_helpers import PROVISIONING_DELAY


class Clock:
    """The simulator's clock, moved by the test: state machines are checked without sleeping."""

    def __init__(self):
        self.now = time.time()

    def __call__(self):
        return self.now

    def advance(self, delays):
        """Move on by `delays` provisioning delays."""
        self.now += delays * PROVISIONING_DELAY


@pytest.fixture
def clock(sim):
    fake = Clock()
    sim.now = fake
    return fake


def error_of(response):
    """The flat ErrorResponse of these paths (imported-numbers-hosting-orders.yaml): code, message, status."""
    body = response.json()
    assert set(body) == {"code", "message", "status"}, body
    assert body["code"] == str(response.status_code), body
    return body


def violated_fields(response):
    """The fields a 400 names: the flat body has no details, its message is "field: why; field: why"."""
    assert response.status_code == 400, response.text
    return {part.split(": ", 1)[0] for part in error_of(response)["message"].split("; ")}
