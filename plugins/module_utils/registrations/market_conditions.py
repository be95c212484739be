# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which policy applies: walking a market version's special conditions with the user's answers.

A market version's special_conditions is either {policy_id} or a question
{prompt, chained_special_conditions: [{answer, policy_id | prompt + chained_special_conditions}]}.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError


def latest_version(versions, market_code):
    """The newest market version of a market, or None."""
    found = [item for item in versions if item.get("market_code") == market_code]
    if not found:
        return None
    return max(found, key=lambda item: (item.get("major_version") or 0, item.get("minor_version") or 0))


def resolve_policy(conditions, answers):
    """The policy id the answers lead to.

    answers=None asks nothing: the policy id when the market has no question, else None.
    With answers, they must lead to a policy exactly, else SinchInputError naming the question.
    """
    node = conditions or {}
    remaining = list(answers) if answers is not None else None
    while node.get("chained_special_conditions"):
        choices = node["chained_special_conditions"]
        offered = ", ".join("'%s'" % item.get("answer") for item in choices)
        if remaining is None:
            return None
        if not remaining:
            raise SinchInputError("answers must go on with the question '%s' (one of %s)" % (node.get("prompt"), offered))
        answer = remaining.pop(0)
        chosen = [item for item in choices if str(item.get("answer", "")).lower() == str(answer).strip().lower()]
        if not chosen:
            raise SinchInputError("'%s' does not answer the question '%s': answer one of %s" % (
                answer, node.get("prompt"), offered))
        node = chosen[0]
    if remaining:
        raise SinchInputError("answers has more answers than questions: %s left over" % ", ".join(map(str, remaining)))
    return node.get("policy_id")
