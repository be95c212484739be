# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Walking a market's special conditions to the policy that applies."""

from __future__ import annotations

import re

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.market_conditions import latest_version, resolve_policy

UAE = {
    "prompt": "Local entity?",
    "chained_special_conditions": [
        {"answer": "Yes", "policy_id": "local"},
        {"answer": "No", "prompt": "GCC license?", "chained_special_conditions": [
            {"answer": "Yes", "policy_id": "gcc"}, {"answer": "No", "policy_id": "intl"}]},
    ],
}


@pytest.mark.parametrize("answers, policy", [(["yes"], "local"), (["No", "YES "], "gcc"), (["no", "no"], "intl")])
def test_answers_lead_to_a_policy(answers, policy):
    assert resolve_policy(UAE, answers) == policy


def test_a_market_without_questions():
    assert resolve_policy({"policy_id": "se"}, []) == "se"
    assert resolve_policy({"policy_id": "se"}, None) == "se"


def test_without_answers_a_question_gives_no_policy():
    assert resolve_policy(UAE, None) is None


@pytest.mark.parametrize("answers, message", [
    (["Maybe"], "'Maybe' does not answer the question 'Local entity?': answer one of 'Yes', 'No'"),
    (["No"], "answers must go on with the question 'GCC license?' (one of 'Yes', 'No')"),
    ([], "answers must go on with the question 'Local entity?'"),
    (["Yes", "Extra"], "answers has more answers than questions: Extra left over"),
])
def test_wrong_answers_name_the_question(answers, message):
    with pytest.raises(SinchInputError, match=re.escape(message)):
        resolve_policy(UAE, answers)


def test_latest_version_of_a_market():
    versions = [{"market_code": "SE", "major_version": 1, "minor_version": 9, "id": "old"},
                {"market_code": "SE", "major_version": 2, "minor_version": 0, "id": "new"},
                {"market_code": "GB", "major_version": 3, "minor_version": 0, "id": "gb"}]
    assert latest_version(versions, "SE")["id"] == "new"
    assert latest_version(versions, "AE") is None
