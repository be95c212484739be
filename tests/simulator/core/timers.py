"""Work the simulator does by itself at a point in time: callbacks when provisioning finishes,
registrations advancing on their schedule.

State is still evaluated lazily on every read (provisioning.py, registrations/state.py); a timer
makes the same change happen when it is due even if nobody reads, so that the callback it causes
goes out on time. Each function runs on the timer thread under the simulator's lock.
"""

import heapq
import itertools
import sys
import threading
import time
import traceback


class Timers:
    def __init__(self, lock, clock=time.time):
        self._lock = lock
        self._clock = clock
        self._heap = []
        self._order = itertools.count()
        self._wake = threading.Condition(threading.Lock())
        self._thread = None
        self._stopping = False

    def at(self, when, function):
        """Call function() at time when (or soon after). Use under the simulator's lock or not."""
        with self._wake:
            heapq.heappush(self._heap, (when, next(self._order), function, None))
            self._wake.notify()

    def every(self, interval, function):
        """Call function() every interval seconds until it returns False."""
        with self._wake:
            heapq.heappush(self._heap, (self._clock() + interval, next(self._order), function, interval))
            self._wake.notify()

    def clear(self):
        """Forget everything scheduled (a reset: the work belongs to the state it forgets)."""
        with self._wake:
            self._heap = []

    def start(self):
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="sinch-simulator-timers", daemon=True)
            self._thread.start()

    def stop(self):
        if self._thread is not None:
            with self._wake:
                self._stopping = True
                self._wake.notify()
            self._thread.join()
            self._thread = None

    def _next_due(self):
        """The next (function, interval) whose time has come, or None when stopping."""
        with self._wake:
            while not self._stopping:
                if self._heap:
                    delay = self._heap[0][0] - self._clock()
                    if delay <= 0:
                        _when, _order, function, interval = heapq.heappop(self._heap)
                        return function, interval
                    self._wake.wait(min(delay, 1.0))
                else:
                    self._wake.wait(1.0)
            return None

    def _run(self):
        while True:
            due = self._next_due()
            if due is None:
                return
            function, interval = due
            with self._lock:
                try:
                    again = function()
                except Exception:  # pylint: disable=broad-except  # a simulator bug, shown, not fatal
                    traceback.print_exc(file=sys.stderr)
                    again = False
            if interval is not None and again is not False:
                self.every(interval, function)
