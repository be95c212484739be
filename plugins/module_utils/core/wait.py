# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Polling for asynchronous work (number provisioning, orders, registrations)."""

from __future__ import annotations

import time

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError, SinchWaitTimeout

# Polls grow to this interval, or to the first one when the user asked for a longer one.
MAX_INTERVAL_SECONDS = 30.0
# Sender ID approvals take weeks: allow waits of a month, polled at most once a day.
MAX_WAIT_SECONDS = 30 * 86400
MAX_WAIT_INTERVAL_SECONDS = 86400


def wait_until(fetch, is_done, timeout, interval, what, sleep=time.sleep, clock=time.monotonic):
    """Call fetch() until is_done(value) is true; return that value.

    The poll interval starts at `interval` and grows by half each round (capped), so a
    long wait does not hammer the API. Raises SinchWaitTimeout after `timeout` seconds.
    """
    deadline = clock() + timeout
    longest = max(interval, MAX_INTERVAL_SECONDS)
    value = fetch()
    while not is_done(value):
        remaining = deadline - clock()
        if remaining <= 0:
            raise SinchWaitTimeout("timed out after %s seconds waiting for %s" % (timeout, what))
        sleep(min(interval, remaining))
        interval = min(interval * 1.5, longest)
        value = fetch()
    return value


def wait_as_asked(params, fetch, is_done, what):
    """wait_until with the timeout and interval the module was given (WAIT_ARGUMENT_SPEC)."""
    return wait_until(fetch, is_done, timeout=params["wait_timeout"], interval=params["wait_interval"], what=what)


def wait_for_provisioning(params, get, state_of, number, what):
    """get(phone number) once state_of(number) is no longer 'pending', or None when the number is gone.

    number: the number as last read ({"phone_number": ...}); what names the provisioning in the
    timeout message ("the provisioning", "the SMS provisioning").
    """
    phone_number = number["phone_number"]
    return wait_as_asked(params, lambda: get(phone_number),
                         lambda number: number is None or state_of(number) != "pending",
                         what="%s of %s" % (what, phone_number))


WAIT_ARGUMENT_SPEC = dict(
    wait=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=300),
    wait_interval=dict(type="float", default=2.0),
)


def check_wait_options(params):
    """Fail before any request on wait settings that cannot work (NaN fails both range checks)."""
    if "wait_timeout" in params and not 0 <= params["wait_timeout"] <= MAX_WAIT_SECONDS:
        raise SinchInputError("wait_timeout must be a number of seconds from 0 to %d, got %s" % (
            MAX_WAIT_SECONDS, params["wait_timeout"]))
    if "wait_interval" in params and not 0 < params["wait_interval"] <= MAX_WAIT_INTERVAL_SECONDS:
        raise SinchInputError("wait_interval must be a number of seconds above 0 and at most %d, got %s" % (
            MAX_WAIT_INTERVAL_SECONDS, params["wait_interval"]))
