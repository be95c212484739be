"""Asynchronous provisioning jobs, evaluated lazily from the clock on every read.

A job is WAITING for the first half of its delay, IN_PROGRESS for the second half, then
either done (the caller applies the target and drops the job) or FAILED for good.
"""

from dataclasses import dataclass

WAITING = "WAITING"
IN_PROGRESS = "IN_PROGRESS"
FAILED = "FAILED"
DONE = "DONE"


@dataclass
class ProvisioningJob:
    target: dict
    started_at: float
    delay: float
    fails: bool
    # a newer provisioning of the same configuration replaced this one (it reports nothing)
    superseded: bool = False

    @property
    def due_at(self):
        return self.started_at + self.delay

    def status(self, now):
        if now >= self.due_at:
            return FAILED if self.fails else DONE
        if now >= self.started_at + self.delay / 2:
            return IN_PROGRESS
        return WAITING

    def status_since(self, now):
        """When the current status began (the API's lastUpdatedTime)."""
        status = self.status(now)
        if status in (FAILED, DONE):
            return self.due_at
        if status == IN_PROGRESS:
            return self.started_at + self.delay / 2
        return self.started_at


def should_fail(value):
    """Target ids starting with "fail" make the job end FAILED (a test hook)."""
    return isinstance(value, str) and value.startswith("fail")
