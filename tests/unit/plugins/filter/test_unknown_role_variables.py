# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""unknown_role_variables: misspelled role variables are named, with a suggestion."""

from __future__ import annotations

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.filter.unknown_role_variables import (
    FilterModule,
    unknown_role_variables,
)

OPTIONS = {"number_pool_voice_configuration": {"type": "dict"}, "number_pool_size": {"type": "int"}}


def test_known_names_and_ignored_names_pass():
    names = ["number_pool_size", "number_pool_voice_configuration", "number_pool_result"]
    assert unknown_role_variables(names, OPTIONS, ignore=["number_pool_result"]) == []


def test_a_misspelled_name_gets_the_closest_option():
    assert unknown_role_variables(["number_pool_voice_confguration", "number_pool_size"], OPTIONS) == [
        "'number_pool_voice_confguration' (did you mean 'number_pool_voice_configuration'?)"]


def test_a_name_close_to_nothing_gets_no_suggestion_and_names_are_sorted_once():
    assert unknown_role_variables(["x_zzz", "y_qqq", "x_zzz"], list(OPTIONS)) == [
        "'x_zzz'", "'y_qqq'"]


@pytest.mark.parametrize("names, options", [("number_pool_size", OPTIONS), ([1], OPTIONS), (["x"], "x"), (["x"], [1])])
def test_bad_input_is_a_filter_error(names, options):
    with pytest.raises(AnsibleFilterError):
        unknown_role_variables(names, options)


def test_registered():
    assert FilterModule().filters()["unknown_role_variables"] is unknown_role_variables
