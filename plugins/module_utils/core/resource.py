# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The idempotent-module core: read -> compare -> plan -> write -> wait -> diff.

A module declares its resource by subclassing Resource and filling in the hooks
(read, desired, create, update, delete, and optionally comparable / wait_for).
run() does the rest identically for every module: check mode stops before any write,
only options the user set are compared, and the result always carries a diff.
"""

from __future__ import annotations

import abc
import copy
import json

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchPartialWriteError


def find_changes(desired, actual):
    """The part of `desired` that differs from `actual`.

    None in desired means "not set by the user" and is never compared. A nested
    dictionary that differs anywhere is returned whole (APIs replace sub-objects such
    as smsConfiguration as a unit). Lists are compared as sets of items.
    """
    changes = {}
    actual = actual or {}
    for key, want in desired.items():
        if want is None:
            continue
        have = actual.get(key)
        if isinstance(want, dict):
            if find_changes(want, have if isinstance(have, dict) else {}):
                changes[key] = want
        elif isinstance(want, list):
            if not isinstance(have, list) or not same_items(want, have):
                changes[key] = want
        elif want != have:
            changes[key] = want
    return changes


def changed_paths(desired, actual, prefix=""):
    """Dotted paths of the leaves that differ (for APIs that take an update mask)."""
    paths = []
    actual = actual or {}
    for key, want in desired.items():
        if want is None:
            continue
        have = actual.get(key)
        path = prefix + key
        if isinstance(want, dict):
            paths.extend(changed_paths(want, have if isinstance(have, dict) else {}, path + "."))
        elif find_changes({key: want}, {key: have}):
            paths.append(path)
    return paths


def same_items(left, right):
    def key(item):
        return json.dumps(item, sort_keys=True, default=str)
    return sorted(map(key, left)) == sorted(map(key, right))


def deep_merge(base, overlay):
    """base updated with the non-None values of overlay, recursively (inputs unchanged)."""
    merged = copy.deepcopy(base) if base else {}
    for key, value in overlay.items():
        if value is None:
            continue
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def prune_none(value):
    """Drop None values recursively: what the user did not set."""
    if isinstance(value, dict):
        return {k: prune_none(v) for k, v in value.items() if v is not None}
    return value


class Resource(abc.ABC):
    """One kind of API object managed by a module. Subclasses fill in the hooks."""

    #: key the resource is returned under (number, imported_number, hosting_order, ...)
    name = "resource"
    #: keys shown in the diff; None shows the whole object
    diff_keys = None
    #: keys never returned or shown in a diff
    secret_keys = ()
    #: the API wrapper class, made over the module's client as self.api (None: the subclass makes its own)
    api_class = None

    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.check_mode = module.check_mode
        if self.api_class is not None:
            self.api = self.api_class(self.client)

    @property
    def client(self):
        return self.module.client

    # ------------------------------------------------------------ hooks
    def validate(self):
        """Check input completely; raise SinchInputError before any request."""

    @abc.abstractmethod
    def read(self):
        """Current state (snake_case dict) or None when it does not exist."""

    @abc.abstractmethod
    def desired(self):
        """What the user asked for: snake_case dict, None for options not set."""

    def comparable(self, current):
        """The view of current that desired is compared with (e.g. pending values count)."""
        return current

    @abc.abstractmethod
    def create(self, desired):
        """Make the resource; return its state."""

    @abc.abstractmethod
    def update(self, current, changes, desired):
        """Apply changes (the differing part of desired); return the new state."""

    @abc.abstractmethod
    def delete(self, current):
        """Remove the resource."""

    def wait_for(self, resource):
        """Block until asynchronous work on resource is done; return its final state."""
        return resource

    # ------------------------------------------------------------ the core
    def run(self):
        self.validate()
        return self.converge(self.read())

    def converge(self, current):
        """Compare, plan and write from a known current state (read() or a bulk listing)."""
        if self.params.get("state", "present") == "absent":
            return self._ensure_absent(current)
        return self._ensure_present(current)

    def _ensure_absent(self, current):
        if current is None:
            return self._result(False, None, None)
        if not self.check_mode:
            self.delete(current)
        return self._result(True, current, None)

    def _ensure_present(self, current):
        desired = self.desired()
        if current is None:
            if self.check_mode:
                return self._result(True, None, prune_none(desired))
            after = self.create(desired)
            return self._result(True, None, self._settle(after, wrote=True))
        changes = find_changes(desired, self.comparable(current))
        if not changes:
            return self._result(False, current, self._settle(current))
        if self.check_mode:
            return self._result(True, current, deep_merge(self.comparable(current), changes))
        after = self.update(current, changes, desired)
        return self._result(True, current, self._settle(after, wrote=True))

    def _settle(self, resource, wrote=False):
        """resource after wait_for when the user asked to wait.

        wrote: a write was just sent. A wait that then fails (a failed provisioning, a timeout)
        fails the task with changed=true and the resource as written, so the user sees both.
        """
        if self.params.get("wait") and not self.check_mode and resource is not None:
            try:
                return self.wait_for(resource)
            except SinchPartialWriteError:
                raise
            except SinchError as exc:
                if not wrote:
                    raise
                raise SinchPartialWriteError(str(exc), result={"changed": True, self.name: self._public(resource)})
        return resource

    def _result(self, changed, before, after):
        return {
            "changed": changed,
            self.name: self._public(after) or {},
            "diff": {"before": self._diff_view(before), "after": self._diff_view(after)},
        }

    def _public(self, resource):
        if not resource:
            return resource
        return {k: v for k, v in resource.items() if k not in self.secret_keys}

    def _diff_view(self, resource):
        resource = self._public(self.comparable(resource) if resource else resource)
        if not resource:
            return {}
        if self.diff_keys is None:
            return resource
        return {k: resource.get(k) for k in self.diff_keys if k in resource}
