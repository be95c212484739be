"""Injectable faults: rules that make matching requests fail, slow down, or both.

mode "before": sleep `delay`, then answer `status` without applying the request.
mode "after":  apply the request (the write really happens), sleep `delay`, then answer
               `status` instead of the real answer: the ambiguous failure of a real network.
status null:   no error, only the delay (a slow answer; with "before" the request is applied
               after the delay, with "after" before it).
drop true:     no answer at all: the connection is closed instead (with "after" the write was
               applied first: a lost answer; with "before" it was not).
echo_auth true: the answer carries the request's Authorization header in x-request-id, as a
               misbehaving proxy does (the client must never print it).
"""

import random
import re
from dataclasses import dataclass

from .errors import invalid_argument
from .validation import is_int, is_number

MODES = ("before", "after")


@dataclass
class FaultRule:
    rule_id: int
    method: str
    path_regex: str
    status: int
    times: int
    probability: float
    mode: str
    retry_after: float
    delay: float
    drop: bool = False
    echo_auth: bool = False
    hits: int = 0

    def matches(self, method, path):
        if self.times is not None and self.times <= 0:
            return False
        if self.method not in ("*", method):
            return False
        return re.search(self.path_regex, path) is not None

    def to_json(self):
        return {
            "id": self.rule_id,
            "method": self.method,
            "path_regex": self.path_regex,
            "status": self.status,
            "times": self.times,
            "probability": self.probability,
            "mode": self.mode,
            "retry_after": self.retry_after,
            "delay": self.delay,
            "drop": self.drop,
            "echo_auth": self.echo_auth,
            "hits": self.hits,
        }


class FaultInjector:
    """The active rules; the first matching rule that fires wins. Not thread-safe by itself."""

    def __init__(self):
        self.rules = []
        self._next_id = 1
        self._random = random.Random()

    def add(self, specs, seed=None):
        """Validate and append rule specs (dicts); all or nothing."""
        if not isinstance(specs, list):
            raise invalid_argument([("rules", "must be a list")])
        rules = [self._parse(spec, index) for index, spec in enumerate(specs)]
        if seed is not None:
            self._random = random.Random(seed)
        self.rules.extend(rules)
        return rules

    def clear(self):
        self.rules = []

    def take(self, method, path):
        """The rule that fires for this request (its counters updated), or None."""
        for rule in self.rules:
            if not rule.matches(method, path):
                continue
            # Only roll when needed, so seeded sequences depend on probabilistic rules alone.
            if rule.probability < 1.0 and self._random.random() >= rule.probability:
                continue
            rule.hits += 1
            if rule.times is not None:
                rule.times -= 1
            return rule
        return None

    def _parse(self, spec, index):
        if not isinstance(spec, dict):
            raise invalid_argument([(f"rules[{index}]", "must be an object")])
        errors = []
        rule = FaultRule(
            rule_id=0,
            method=str(spec.get("method") or "*").upper(),
            path_regex=spec.get("path_regex", ""),
            status=spec.get("status", 503),
            # An absent "times" means once; an explicit null means every matching request.
            times=spec.get("times", 1),
            probability=spec.get("probability", 1.0),
            mode=spec.get("mode", "before"),
            retry_after=spec.get("retry_after"),
            delay=spec.get("delay", 0.0),
            drop=spec.get("drop", False),
            echo_auth=spec.get("echo_auth", False),
        )
        _check_rule(rule, f"rules[{index}]", errors)
        if errors:
            raise invalid_argument(errors)
        rule.rule_id = self._next_id
        self._next_id += 1
        return rule


def _check_rule(rule, prefix, errors):
    try:
        re.compile(rule.path_regex)
    except (re.error, TypeError) as exc:
        errors.append((f"{prefix}.path_regex", f"not a valid regular expression: {exc}"))
    if rule.status is not None and not (is_int(rule.status) and 400 <= rule.status <= 599):
        errors.append((f"{prefix}.status", "must be an HTTP error status 400-599 or null"))
    if rule.times is not None and not (is_int(rule.times) and rule.times >= 0):
        errors.append((f"{prefix}.times", "must be a non-negative integer or null"))
    if not (is_number(rule.probability) and 0.0 <= rule.probability <= 1.0):
        errors.append((f"{prefix}.probability", "must be a number from 0 to 1"))
    if rule.mode not in MODES:
        errors.append((f"{prefix}.mode", "must be 'before' or 'after'"))
    if rule.retry_after is not None and not (is_number(rule.retry_after) and rule.retry_after >= 0):
        errors.append((f"{prefix}.retry_after", "must be a non-negative number of seconds or null"))
    for name in ("drop", "echo_auth"):
        if not isinstance(getattr(rule, name), bool):
            errors.append((f"{prefix}.{name}", "must be true or false"))
    if not (is_number(rule.delay) and rule.delay >= 0):
        errors.append((f"{prefix}.delay", "must be a non-negative number of seconds"))
