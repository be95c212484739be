# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One back-off shared by every thread of a client.

When the API answers 429 (too many requests), the limit is the project's, not the
request's: every worker must hold back, not only the one that was told. The worker that
got the 429 calls pause(seconds) (Retry-After when the API sent it), which sleeps it; every
worker calls wait() before each request and sleeps until the pause is over.
"""

from __future__ import annotations

import threading
import time


class SharedBackoff:
    def __init__(self, sleep=time.sleep, clock=time.monotonic):
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._resume_at = 0.0
        self._waited = threading.local()
        self.pauses = 0

    def pause(self, seconds):
        """No worker sends before `seconds` from now (a longer pause already set stays); sleep it out."""
        with self._lock:
            now = self._clock()
            if now + seconds >= self._resume_at:
                self._resume_at, wanted = now + seconds, seconds
            else:
                wanted = self._resume_at - now
            resume_at = self._resume_at
            self.pauses += 1
        self._sleep(wanted)
        self._waited.until = resume_at
        return wanted

    def wait(self):
        """Sleep until the current pause is over; at once when there is none.

        Each thread sleeps through a given pause once, even when the clock did not move
        (an injected sleep in tests).
        """
        with self._lock:
            resume_at = self._resume_at
        remaining = resume_at - self._clock()
        if remaining <= 0 or getattr(self._waited, "until", None) == resume_at:
            return 0.0
        self._sleep(remaining)
        self._waited.until = resume_at
        return remaining
