# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Callback plugin for the pool benchmark: how many times each module ran.

Enabled by pool_rerun.py with ANSIBLE_CALLBACK_PLUGINS=<this directory> and
ANSIBLE_CALLBACKS_ENABLED=pool_module_counter; writes {action: executions} as JSON to the file
named by POOL_BENCH_COUNTS. A loop counts once per item; a skipped task or item does not count.
"""

from __future__ import annotations

import json
import os
from collections import Counter

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
name: pool_module_counter
type: aggregate
short_description: Count module executions for the pool benchmark
description: Counts executed tasks and loop items per action and writes them to the file in POOL_BENCH_COUNTS.
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "pool_module_counter"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super().__init__()
        self.counts = Counter()

    def _count(self, result):
        self.counts[result._task.action] += 1  # pylint: disable=protected-access

    def _count_unless_loop(self, result):
        # After a loop, the task's own result carries the items, already counted one by one.
        if "results" not in result._result:  # pylint: disable=protected-access
            self._count(result)

    def v2_runner_on_ok(self, result):
        self._count_unless_loop(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._count_unless_loop(result)

    def v2_runner_item_on_ok(self, result):
        self._count(result)

    def v2_runner_item_on_failed(self, result):
        self._count(result)

    def v2_playbook_on_stats(self, stats):
        with open(os.environ["POOL_BENCH_COUNTS"], "w", encoding="utf-8") as stream:
            json.dump(dict(self.counts), stream)
