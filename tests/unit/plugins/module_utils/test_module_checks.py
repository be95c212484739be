# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks every module runs on shared option values before its first request."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import check_common_values


@pytest.mark.parametrize("params, message", [
    ({"id": ""}, "id must not be empty"),
    ({"policy_id": "  "}, "policy_id must not be empty"),
    ({"page_size": 0}, "page_size must be 1 or more, got 0"),
    ({"size": -1}, "size must be 1 or more, got -1"),
])
def test_values_no_api_call_could_use_are_refused(params, message):
    with pytest.raises(SinchInputError, match=message):
        check_common_values(params)


def test_usual_values_and_unset_options_pass():
    check_common_values({"id": "01hh51s80tpvjy7pe0mt6nd7at", "policy_id": None, "page_size": 1000, "size": None})
    check_common_values({})
