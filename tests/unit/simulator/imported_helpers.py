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
