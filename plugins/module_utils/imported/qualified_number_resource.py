# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The qualified number as a managed resource (used by the sinch_qualified_number module).

A qualified number moves through a process rather than holding settings: added, checked for
eligibility, ownership verified by a voice challenge, then text-enabled (hosted). The module
says how far the number should get; each run takes the steps still missing, in order, and none
that the number's globalProcessState shows were already taken.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import ImportedApi, check_hostable_number
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import (
    ORDER_ACTIONS,
    ORDER_FIELDS,
    TEXT_ENABLE,
    TEXT_ENABLE_TOLL_FREE,
    check_numbers,
    check_order,
    order_request,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164, normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_as_asked

_PREFIX = "GLOBAL_PROCESS_STATE_"
ELIGIBLE_CHECK_PENDING = _PREFIX + "ELIGIBLE_CHECK_PENDING"
ELIGIBLE = _PREFIX + "ELIGIBLE"
NOT_ELIGIBLE = _PREFIX + "NOT_ELIGIBLE"
VERIFICATION_PENDING = _PREFIX + "VERIFICATION_PENDING"
VERIFICATION_FAILED = _PREFIX + "VERIFICATION_FAILED"
VERIFICATION_BLOCKED = _PREFIX + "VERIFICATION_BLOCKED"
VERIFIED = _PREFIX + "VERIFIED"
HOSTING_IN_PROGRESS = _PREFIX + "HOSTING_IN_PROGRESS"
HOSTING_DONE = _PREFIX + "HOSTING_DONE"
HOSTING_FAILED = _PREFIX + "HOSTING_FAILED"

# Ownership is proven in these states; a challenge or a code is no longer needed.
OWNERSHIP_PROVEN = (VERIFIED, HOSTING_IN_PROGRESS, HOSTING_DONE, HOSTING_FAILED)
TEXT_ENABLED = (HOSTING_IN_PROGRESS, HOSTING_DONE)
# States that end in the API's own time; wait=true waits them out.
TRANSIENT = (ELIGIBLE_CHECK_PENDING, HOSTING_IN_PROGRESS)
# A step taken in check mode is predicted to lead to this state.
PREDICTED = {
    "add": ELIGIBLE_CHECK_PENDING,
    "wait_for_eligibility": ELIGIBLE,
    "send_voice_challenge": VERIFICATION_PENDING,
    "verify_voice_challenge": VERIFIED,
    "text_enable": HOSTING_IN_PROGRESS,
}


def not_eligible(number):
    return SinchError("%s is not eligible for hosting: %s" % (
        number.get("phone_number"), (number.get("osr_eligibility") or {}).get("error") or "no reason given"))


def next_step(number, wants):
    """The next step toward what `wants` asks for, or None when there is nothing left to do.

    wants: dict with booleans 'challenge', 'verify' and 'text_enable'. Raises SinchError when
    the number's state makes the request impossible.
    """
    if number is None:
        if wants["verify"] or wants["text_enable"]:
            raise SinchError("the number is not a qualified number of the project yet: add it and send a voice "
                             "challenge first (send_voice_challenge=true)")
        return "add"
    state = number.get("global_process_state")
    phone_number = number.get("phone_number")
    if not any(wants.values()):
        return None
    if state == NOT_ELIGIBLE:
        raise not_eligible(number)
    if state == VERIFICATION_BLOCKED:
        raise SinchError("%s is blocked from voice verification (too many wrong codes): contact Sinch support, "
                         "or remove it with state=absent and add it again" % phone_number)
    if wants["challenge"]:
        if state == ELIGIBLE_CHECK_PENDING:
            return "wait_for_eligibility"
        if state in (ELIGIBLE, VERIFICATION_FAILED):
            return "send_voice_challenge"
    if wants["verify"] and state not in OWNERSHIP_PROVEN:
        if state in (VERIFICATION_PENDING, VERIFICATION_FAILED):
            return "verify_voice_challenge"
        raise SinchError("%s has no voice challenge to verify (state %s): send one first with "
                         "send_voice_challenge=true" % (phone_number, state))
    if wants["text_enable"]:
        if state in (VERIFIED, HOSTING_FAILED):
            return "text_enable"
        if state not in TEXT_ENABLED:
            raise SinchError("%s cannot be text-enabled before its ownership is verified (state %s): send a voice "
                             "challenge and verify its code first" % (phone_number, state))
    return None


class QualifiedNumberResource(Resource):
    name = "qualified_number"
    api_class = ImportedApi
    diff_keys = ("phone_number", "region_code", "global_process_state")

    def __init__(self, module):
        super().__init__(module)
        self.actions = []
        self.hosting_order_id = None

    # ------------------------------------------------------------ input
    @property
    def text_enable(self):
        return self.params.get("text_enable")

    @property
    def kind(self):
        return TEXT_ENABLE_TOLL_FREE if self.text_enable.get("toll_free") else TEXT_ENABLE

    def wants(self):
        return {
            "challenge": bool(self.params.get("send_voice_challenge")),
            "verify": self.params.get("verification_code") is not None,
            "text_enable": bool(self.text_enable),
        }

    def validate(self):
        params = self.params
        params["phone_number"] = check_hostable_number(normalize_e164(params["phone_number"]))
        code = params.get("verification_code")
        if params.get("send_voice_challenge"):
            others = [name for name in ("verification_code", "text_enable") if params.get(name) is not None]
            if others:
                raise SinchInputError("send_voice_challenge cannot be combined with %s: the code comes from the "
                                      "call, so verify and text-enable in later tasks" % " or ".join(others))
        if code is not None and not code.strip():
            raise SinchInputError("verification_code is empty: give the code the voice call read out")
        if self.text_enable:
            self.text_enable["region_code"] = normalize_region(self.text_enable.get("region_code"),
                                                               "text_enable.region_code")
            check_numbers(self.kind, [params["phone_number"]], "text_enable.toll_free=true")
            check_order(self.kind, self._order_fields(), self.text_enable.get("loa"), prefix="text_enable.")

    def _order_fields(self, number=None):
        fields = {name: self.text_enable.get(name) for name in ORDER_FIELDS}
        if not fields["region_code"] and number:
            fields["region_code"] = number.get("region_code") or None
        return fields

    # ------------------------------------------------------------ the process
    def run(self):
        self.validate()
        current = self.read()
        if self.params["state"] == "absent":
            result = self._ensure_absent(current)
            result["actions"] = ["delete"] if result["changed"] else []
            return result
        if self.check_mode:
            after = self._walk(current, self._predict)
        else:
            after = self._settle(self._walk(current, self._take))
        result = self._result(bool(self.actions), current, after)
        result["actions"] = self.actions
        if self.hosting_order_id:
            result["hosting_order_id"] = self.hosting_order_id
        return result

    def _walk(self, number, step_runner):
        wants = self.wants()
        while True:
            step = next_step(number, wants)
            if step is None:
                return number
            if step in self.actions:
                # The API has not shown the effect of this run's step yet: never take it twice.
                return number
            if step != "wait_for_eligibility":
                self.actions.append(step)
            number = step_runner(step, number)

    def _predict(self, step, number):
        predicted = dict(number or {"phone_number": self.params["phone_number"]})
        predicted["global_process_state"] = PREDICTED[step]
        return predicted

    def _take(self, step, number):
        if step == "add":
            return self.create(self.desired())
        if step == "wait_for_eligibility":
            return self._wait(number, (ELIGIBLE_CHECK_PENDING,), "the eligibility check")
        return self.update(number, {step: True}, self.desired())

    # ------------------------------------------------------------ hooks
    def read(self):
        return self.api.get_qualified(self.params["phone_number"])

    def desired(self):
        return {"phone_number": self.params["phone_number"]}

    def create(self, desired):
        phone_number = desired["phone_number"]
        self.client.create_once(
            lambda: self.api.add_qualified([phone_number]),
            lambda: self.api.get_qualified(phone_number))
        # addNumbers answers the batch; read the number itself for a uniform result.
        return self.api.get_qualified(phone_number)

    def update(self, current, changes, desired):
        """Take the steps named in changes (send_voice_challenge, verify_voice_challenge, text_enable)."""
        number = current
        phone_number = current["phone_number"]
        if changes.get("send_voice_challenge"):
            number = self.client.create_once(
                lambda: self.api.send_voice_challenge(phone_number),
                lambda: self._in_state(phone_number, (VERIFICATION_PENDING,)))
        if changes.get("verify_voice_challenge"):
            number = self.client.create_once(
                lambda: self.api.verify_voice_challenge(phone_number, self.params["verification_code"].strip()),
                lambda: self._in_state(phone_number, OWNERSHIP_PROVEN))
            if number.get("global_process_state") not in OWNERSHIP_PROVEN:
                raise SinchError("the voice challenge code for %s was not accepted (state %s%s)" % (
                    phone_number, number.get("global_process_state"),
                    ": %s" % number["ownership_verification"]["error"]
                    if (number.get("ownership_verification") or {}).get("error") else ""))
        if changes.get("text_enable"):
            number = self._text_enable(number)
        return number

    def _text_enable(self, number):
        phone_number = number["phone_number"]
        fields = self._order_fields(number)
        if not fields["region_code"]:
            raise SinchInputError("%s has no region code: set text_enable.region_code" % phone_number)
        request = order_request(self.kind, fields, [phone_number], self.text_enable["loa"])
        answer = self.client.create_once(
            lambda: self.api.text_enable_qualified(ORDER_ACTIONS[self.kind][0], request),
            lambda: self._in_state(phone_number, TEXT_ENABLED))
        self.hosting_order_id = answer.get("hosting_order_id")
        return self.api.get_qualified(phone_number)

    def _in_state(self, phone_number, states):
        number = self.api.get_qualified(phone_number)
        return number if number and number.get("global_process_state") in states else None

    def delete(self, current):
        self.api.delete_qualified(current["phone_number"])

    def wait_for(self, resource):
        number = self._wait(resource, TRANSIENT, "the qualification of %s" % resource["phone_number"])
        if number.get("global_process_state") == HOSTING_FAILED:
            raise SinchError("text enablement of %s failed: %s" % (
                number["phone_number"], (number.get("hosted_number") or {}).get("error") or "no reason given"))
        return number

    def _wait(self, number, transient, what):
        phone_number = number["phone_number"]
        if number.get("global_process_state") not in transient:
            return number
        found = wait_as_asked(
            self.params, lambda: self.api.get_qualified(phone_number),
            lambda found: found is None or found.get("global_process_state") not in transient, what=what)
        if found is None:
            raise SinchError("%s disappeared from the project while waiting for %s" % (phone_number, what))
        if found.get("global_process_state") == NOT_ELIGIBLE:
            raise not_eligible(found)
        return found
