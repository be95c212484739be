# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A set of active numbers converged in one run (used by the sinch_numbers module).

Every item is a NumberResource, so each number is compared, planned and written exactly as
sinch_number does it (numbers/writes.py: create_once, the rent-any claim and naming, only
what differs). What this file adds is the set around them:

1. validate every item before any request (and refuse two items naming one number);
2. read once: one paged listing per (region, type) pair the items or the exclusive scope name,
   plus a GET for each phone-number item whose region and type are not given;
3. plan: the items' actions and, with an exclusive scope, the unlisted numbers to release
   (refused before any write unless release is allowed);
4. apply with `concurrency` worker threads over one client (its 429 back-off is shared).
   Rent-any items run in parallel too: each rentAny carries the claim of its own display name,
   so after an ambiguous answer the re-read finds the item's own number; the fallback (the
   only new number) skips every number this run knows of (listed, named by an item, rented);
5. wait for every pending provisioning at once, by re-reading the listings, not per number;
6. report per item, one diff for the set (with --diff), and fail after the others were applied if any item failed.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchError,
    SinchInputError,
    SinchPartialWriteError,
    SinchWaitTimeout,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_as_asked
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import MAX_PAGE_SIZE, NumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_resource import NumberResource, settled
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import provisioning_state

MAX_CONCURRENCY = 32
# Failed items named in the message; all of them are in the result's failures.
MESSAGE_FAILURES = 5


class ItemModule:
    """What a NumberResource needs from a module, for one item of the set."""

    def __init__(self, module, params):
        self.params = dict(params, wait=False)  # the set waits for all items at once
        self.check_mode = module.check_mode
        self.client = module.client


class SharedRentAny:
    """Per (region, type): the numbers known to this run.

    Known: the numbers listed, every phone number an item names (its rent may be in flight),
    and every number a rent-any of this run got. The fallback of a re-read after an ambiguous
    rentAny (the only new unnamed number) only takes a number outside that set.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._pairs = {}
        self.named = set()

    def pair(self, key, listed=()):
        with self._lock:
            if key not in self._pairs:
                self._pairs[key] = set(listed) | self.named
            return self._pairs[key]


class NumberItem(NumberResource):
    """One item: sinch_number's resource, with the set's listing and rent-any coordination."""

    def __init__(self, module, params, shared):
        super().__init__(ItemModule(module, params))
        self.shared = shared

    @property
    def pair(self):
        return (self.params.get("region_code"), self.params.get("number_type"))

    @property
    def identity(self):
        if self.params.get("phone_number"):
            return self.params["phone_number"]
        return "%s (%s %s)" % (self.params["display_name"], self.pair[0], self.pair[1])

    def match(self, listed):
        number = super().match(listed)
        # Every rent-any item of a pair shares one set of known numbers: a re-read after an
        # ambiguous rentAny must not take a number another item of this run rented.
        self._listed = self.shared.pair(self.pair, self._listed)
        return number

    def diff_view(self, number):
        return self._diff_view(number)

    def create(self, desired):
        number = super().create(desired)
        self.shared.pair(self.pair).add(number["phone_number"])
        return number


class NumberSet:
    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.check_mode = module.check_mode
        self.diff_mode = getattr(module, "diff_mode", False)
        self.client = module.client
        self.api = NumbersApi(self.client)
        self.shared = SharedRentAny()

    # ------------------------------------------------------------ 1. input
    def items(self):
        items, errors = [], []
        for index, params in enumerate(self.params["active_numbers"]):
            item = NumberItem(self.module, params, self.shared)
            try:
                item.validate()
                if bool(item.params.get("region_code")) != bool(item.params.get("number_type")):
                    raise SinchInputError("region_code and number_type go together")
            except SinchInputError as exc:
                errors.append("active_numbers[%d]: %s" % (index, exc))
            items.append(item)
        if errors:
            raise SinchInputError("; ".join(errors))
        seen = {}
        for index, item in enumerate(items):
            key = item.identity
            if key in seen:
                raise SinchInputError("active_numbers[%d] and active_numbers[%d] both name %s: give each number once" % (
                    seen[key], index, key))
            seen[key] = index
        return items

    def scope(self):
        scope = self.params.get("exclusive_scope")
        if not scope:
            return None
        scope = dict(scope, region_code=normalize_region(scope["region_code"]))
        if not scope["display_name_prefix"].strip():
            raise SinchInputError("exclusive_scope.display_name_prefix must not be empty: it would take in every number")
        return scope

    def concurrency(self):
        value = self.params["concurrency"]
        if not 1 <= value <= MAX_CONCURRENCY:
            raise SinchInputError("concurrency must be from 1 to %d, got %s" % (MAX_CONCURRENCY, value))
        if not 1 <= self.params["page_size"] <= MAX_PAGE_SIZE:
            raise SinchInputError("page_size must be from 1 to %d, got %s" % (MAX_PAGE_SIZE, self.params["page_size"]))
        return value

    # ------------------------------------------------------------ 2. read
    def read(self, pool, items, scope):
        pairs = {item.pair for item in items if item.pair[0]}
        if scope:
            pairs.add((scope["region_code"], scope["number_type"]))
        listings = dict(zip(pairs, pool.map(self._list, pairs)))
        by_phone = {number["phone_number"]: number for listed in listings.values() for number in listed}
        unlisted = [item for item in items if item.params.get("phone_number") and not item.pair[0]]
        for item, number in zip(unlisted, pool.map(lambda item: item.read(), unlisted)):
            if number is not None:
                by_phone[number["phone_number"]] = number
        currents, errors = [], []
        for index, item in enumerate(items):
            phone_number = item.params.get("phone_number")
            try:
                current = by_phone.get(phone_number) if phone_number else item.match(listings[item.pair])
            except SinchInputError as exc:
                errors.append("active_numbers[%d]: %s" % (index, exc))
                current = None
            currents.append(current)
        if errors:
            raise SinchInputError("; ".join(errors))
        return listings, currents

    def _list(self, pair):
        return list(self.api.list_active(pair[0], pair[1], page_size=self.params["page_size"]))

    # ------------------------------------------------------------ 3. plan
    def unlisted_in_scope(self, scope, listings, currents):
        if not scope:
            return []
        claimed = {current["phone_number"] for current in currents if current}
        listed = listings[(scope["region_code"], scope["number_type"])]
        return [number for number in listed
                if (number.get("display_name") or "").startswith(scope["display_name_prefix"])
                and number["phone_number"] not in claimed]

    @staticmethod
    def check_one_item_per_number(items, currents):
        owner = {}
        for index, current in enumerate(currents):
            if current is None:
                continue
            phone_number = current["phone_number"]
            if phone_number in owner:
                raise SinchInputError("active_numbers[%d] (%s) and active_numbers[%d] (%s) are the same number %s" % (
                    owner[phone_number], items[owner[phone_number]].identity, index, items[index].identity,
                    phone_number))
            owner[phone_number] = index

    # ------------------------------------------------------------ the run
    def run(self):
        items = self.items()
        scope = self.scope()
        self.shared.named.update(item.params["phone_number"] for item in items if item.params.get("phone_number"))
        with ThreadPoolExecutor(max_workers=self.concurrency(), thread_name_prefix="sinch-numbers") as pool:
            listings, currents = self.read(pool, items, scope)
            self.check_one_item_per_number(items, currents)
            extra = self.unlisted_in_scope(scope, listings, currents)
            if extra and not scope["allow_release"]:
                raise SinchInputError(
                    "%d numbers of region %s type %s named '%s...' are not in the list: %s. Set "
                    "exclusive_scope.allow_release to true to release them, or add them to the list" % (
                        len(extra), scope["region_code"], scope["number_type"], scope["display_name_prefix"],
                        ", ".join(sorted(number["phone_number"] for number in extra))))
            releases = [NumberItem(self.module, {"phone_number": number["phone_number"], "state": "absent"},
                                   self.shared) for number in extra]
            everything = items + releases
            outcomes = self.converge_all(pool, list(zip(everything, currents + extra)))
            if self.params.get("wait") and not self.check_mode:
                self.wait(pool, everything, outcomes)
        return self.report(everything, outcomes, len(items))

    @staticmethod
    def converge_all(pool, pairs):
        """Items naming a phone number (and releases) first, then rent-any items.

        rentAny takes the first available number that matches: run at the same time, a rent-any
        item could take the very number another item of the list rents by its phone number.
        """
        outcomes = [None] * len(pairs)
        named = [index for index, (item, _current) in enumerate(pairs) if item.params.get("phone_number")]
        rest = [index for index in range(len(pairs)) if index not in set(named)]
        for phase in (named, rest):
            for index, outcome in zip(phase, pool.map(lambda index: _converge(*pairs[index]), phase)):
                outcomes[index] = outcome
        return outcomes

    # ------------------------------------------------------------ 5. wait
    def wait(self, pool, items, outcomes):
        """Wait for every pending provisioning at once: each poll re-reads the listings, not one GET per number.

        As sinch_number with wait=true: a provisioning that failed (now or before) fails its item.
        """
        numbers = {}  # phone number -> index of its outcome
        for index, (item, outcome) in enumerate(zip(items, outcomes)):
            if "error" not in outcome and outcome.get("number") and item.params.get("state") != "absent":
                numbers[outcome["number"]["phone_number"]] = index
        pending = {phone_number: index for phone_number, index in numbers.items()
                   if provisioning_state(outcomes[index]["number"]) == "pending"}
        final = {phone_number: outcomes[index]["number"] for phone_number, index in numbers.items()}
        if pending:
            pairs = {(outcomes[index]["number"]["region_code"], outcomes[index]["number"]["type"])
                     for index in pending.values()}

            last = {}

            def fetch():
                found = {}
                for listed in pool.map(self._list, pairs):
                    found.update((number["phone_number"], number) for number in listed)
                last.update((phone_number, found.get(phone_number)) for phone_number in pending)
                return dict(last)

            def done(fetched):
                return all(number is None or provisioning_state(number) != "pending" for number in fetched.values())

            try:
                final.update(wait_as_asked(self.params, fetch, done, what="the provisioning of %d numbers" % len(pending)))
            except SinchWaitTimeout:
                # Each number as last read: those provisioned are reported so, the others fail.
                final.update(last)
                for phone_number, number in last.items():
                    if number is not None and provisioning_state(number) == "pending":
                        outcomes[pending[phone_number]]["error"] = (
                            "its provisioning was still pending when the wait timed out after %s seconds" %
                            self.params["wait_timeout"])
        for phone_number, index in numbers.items():
            if "error" in outcomes[index]:
                outcomes[index]["number"] = final[phone_number] or outcomes[index]["number"]
                continue
            try:
                outcomes[index]["number"] = settled(phone_number, final[phone_number], outcomes[index]["changed"])
            except SinchError as exc:
                outcomes[index]["error"] = str(exc)

    # ------------------------------------------------------------ 6. report
    def report(self, items, outcomes, listed_count):
        results, before, after = [], {}, {}
        applied, failed, released_unlisted = [], [], []
        for index, (item, outcome) in enumerate(zip(items, outcomes)):
            number = outcome.get("number") or {}
            entry = {
                "item": index if index < listed_count else None,
                "identity": item.identity,
                "phone_number": number.get("phone_number") or outcome.get("phone_number"),
                "action": outcome["action"],
                "changed": outcome["changed"],
                "provisioning": provisioning_state(number) if number and item.params.get("state") != "absent" else None,
            }
            if outcome["changed"] or "error" in outcome:
                # Not for an unchanged item: at a thousand items its number would be most of the
                # result Ansible registers, and sinch_number_info reads it when needed.
                entry["number"] = number
            if "error" in outcome:
                entry["error"] = outcome["error"]
                failed.append({"identity": item.identity, "item": entry["item"], "action": outcome["action"],
                               "error": outcome["error"]})
            if outcome["changed"]:
                applied.append(item.identity)
                if self.diff_mode:
                    before[item.identity] = outcome["diff"]["before"]
                    after[item.identity] = outcome["diff"]["after"]
                if index >= listed_count:
                    released_unlisted.append(item.identity)
            results.append(entry)
        result = {
            "changed": bool(applied),
            "numbers": results,
            "applied": applied,
            "failures": failed,
            "released_unlisted": released_unlisted,
            "summary": _summary(outcomes),
        }
        if self.diff_mode:
            # Only with --diff: at a thousand items it would double the result Ansible registers.
            result["diff"] = {"before": before, "after": after}
        if failed:
            shown = "; ".join("%s: %s" % (entry["identity"], entry["error"]) for entry in failed[:MESSAGE_FAILURES])
            if len(failed) > MESSAGE_FAILURES:
                shown += "; and %d more (see failures)" % (len(failed) - MESSAGE_FAILURES)
            raise SinchPartialWriteError("%d of %d numbers failed (%d applied): %s" % (
                len(failed), len(items), len(applied), shown), result)
        return result


def _converge(item, current):
    """One item through sinch_number's own compare/plan/write; an error stays with the item."""
    try:
        result = item.converge(current)
    except SinchError as exc:
        # A write may have gone through before the error (a number rented but not named):
        # SinchPartialWriteError says so and carries the number; else the item is as read.
        partial = exc.result if isinstance(exc, SinchPartialWriteError) else {}
        number = partial.get("number") or current
        return {"action": _action(item, current, None, failed=True), "changed": bool(partial.get("changed")),
                "number": number, "phone_number": (number or {}).get("phone_number"), "error": str(exc),
                "diff": {"before": item.diff_view(current), "after": item.diff_view(number)}}
    number = result["number"] or None
    return {"action": _action(item, current, number, changed=result["changed"]), "changed": result["changed"],
            "number": number or current if item.params.get("state") == "absent" else number,
            "diff": result["diff"]}


def _action(item, current, number, changed=True, failed=False):
    if item.params.get("state") == "absent":
        action = "release" if current else "none"
    elif current is None:
        action = "rent"
    else:
        action = "update"
    if failed:
        return action
    return action if changed else "none"


def _summary(outcomes):
    counts = {"rent": 0, "update": 0, "release": 0, "none": 0, "failed": 0}
    for outcome in outcomes:
        counts["failed" if "error" in outcome else outcome["action"]] += 1
    return counts
