# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Print `ansible-inventory --list` JSON in a form fit for a golden file.

Unsafe-value wrappers ({"__ansible_unsafe": x}, their shape depends on the ansible-core version)
become plain values, the serialization profile ansible-core 2.19 and later name in _meta is left
out (older versions have none), and the one value that depends on the clock (sinch_next_charge_date) becomes
"<timestamp>".
"""

from __future__ import annotations

import json
import sys

CLOCK_DEPENDENT = ("sinch_next_charge_date",)


def plain(value):
    """value without its untrusted-value wrappers (tests/awx uses it too)."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return plain(value["__ansible_unsafe"])
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def main(path):
    with open(path, encoding="utf-8") as stream:
        inventory = plain(json.load(stream))
    inventory.get("_meta", {}).pop("profile", None)
    for hostvars in inventory.get("_meta", {}).get("hostvars", {}).values():
        for key in CLOCK_DEPENDENT:
            if hostvars.get(key):
                hostvars[key] = "<timestamp>"
    print(json.dumps(inventory, indent=2, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
