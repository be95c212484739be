# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Polling for asynchronous work: intervals, the deadline, and the checks of the wait options."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError, SinchWaitTimeout
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import check_wait_options, wait_until


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self):
        return self.now


def poll(values, timeout, interval):
    clock = FakeClock()
    answers = iter(values)
    result = wait_until(lambda: next(answers), bool, timeout, interval, "the thing", sleep=clock.sleep, clock=clock)
    return result, clock.sleeps


def test_the_interval_grows_by_half_up_to_thirty_seconds():
    result, sleeps = poll([0] * 9 + [1], timeout=1000, interval=10)
    assert result == 1
    assert sleeps == [10, 15, 22.5, 30, 30, 30, 30, 30, 30]


def test_a_longer_interval_the_user_asked_for_is_kept():
    _result, sleeps = poll([0, 0, 0, 1], timeout=86400, interval=3600)
    assert sleeps == [3600, 3600, 3600]


def test_the_last_sleep_ends_at_the_deadline_and_then_it_times_out():
    clock = FakeClock()
    with pytest.raises(SinchWaitTimeout, match="timed out after 5 seconds waiting for the thing"):
        wait_until(lambda: 0, bool, 5, 2, "the thing", sleep=clock.sleep, clock=clock)
    assert sum(clock.sleeps) == 5


@pytest.mark.parametrize("params, option", [
    ({"wait_interval": 0, "wait_timeout": 30}, "wait_interval"),
    ({"wait_interval": -1, "wait_timeout": 30}, "wait_interval"),
    ({"wait_interval": float("nan"), "wait_timeout": 30}, "wait_interval"),
    ({"wait_interval": float("inf"), "wait_timeout": 30}, "wait_interval"),
    ({"wait_interval": 2, "wait_timeout": -1}, "wait_timeout"),
    ({"wait_interval": 2, "wait_timeout": 10 ** 12}, "wait_timeout"),
])
def test_wait_options_that_cannot_work_are_refused(params, option):
    with pytest.raises(SinchInputError) as caught:
        check_wait_options(params)
    assert str(caught.value).startswith(option)


def test_sensible_wait_options_pass_and_modules_without_them_too():
    check_wait_options({"wait_interval": 0.2, "wait_timeout": 0})
    check_wait_options({"wait_interval": 3600, "wait_timeout": 1209600})
    check_wait_options({})
