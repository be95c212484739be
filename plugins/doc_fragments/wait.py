# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Options for modules that can wait for asynchronous work (see module_utils/core/wait.py)."""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  wait:
    description:
      - Wait until the asynchronous part of the change has finished before returning.
      - Without it the module returns as soon as the API accepted the change.
    type: bool
    default: false
  wait_timeout:
    description:
      - Seconds to wait when O(wait=true) before failing, at most 2592000 (30 days).
    type: int
    default: 300
  wait_interval:
    description:
      - Seconds between the first two polls, above 0 and at most 86400.
      - The interval grows by half each round, up to 30 seconds or O(wait_interval) when that is longer.
    type: float
    default: 2.0
"""
