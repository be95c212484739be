# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Polling for asynchronous work (number provisioning, orders, registrations)."""

from __future__ import annotations

import time

from ansible_collections.sinch.numbers.plugins.module_utils.errors import SinchWaitTimeout

MAX_INTERVAL_SECONDS = 30.0


def wait_until(fetch, is_done, timeout, interval, what, sleep=time.sleep, clock=time.monotonic):
    """Call fetch() until is_done(value) is true; return that value.

    The poll interval starts at `interval` and grows by half each round (capped), so a
    long wait does not hammer the API. Raises SinchWaitTimeout after `timeout` seconds.
    """
    deadline = clock() + timeout
    value = fetch()
    while not is_done(value):
        remaining = deadline - clock()
        if remaining <= 0:
            raise SinchWaitTimeout("timed out after %s seconds waiting for %s" % (timeout, what))
        sleep(min(interval, remaining))
        interval = min(interval * 1.5, MAX_INTERVAL_SECONDS)
        value = fetch()
    return value


WAIT_ARGUMENT_SPEC = dict(
    wait=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=300),
    wait_interval=dict(type="float", default=2.0),
)
