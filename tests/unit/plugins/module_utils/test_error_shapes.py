# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The client reads both error shapes Sinch answers, and unset fields absent or null alike.

Numbers and registrations wrap their errors ({"error": {"code": 404, "message", "status",
"details"}}); the imported numbers, hosting orders and qualified numbers paths answer the flat
ErrorResponse of their spec ({"code": "404", "message", "status"}).
"""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import (
    effective_configuration,
    provisioning_errors,
    provisioning_state,
)

from .fake_session import make_response, scripted_client

URL = "https://imported.example/v1/projects/p/importedNumbers/+12025550134"


def flat(code, status, message):
    return {"code": str(code), "message": message, "status": status}


def wrapped(code, status, message, details=None):
    return {"error": {"code": code, "message": message, "status": status, "details": details or []}}


def failure(body, status):
    client, _session, _sleeps = scripted_client(make_response(status, body), retries=0)
    with pytest.raises(SinchApiError) as caught:
        client.request("POST", URL, json={})
    return caught.value


@pytest.mark.parametrize("body", [flat(400, "INVALID_ARGUMENT", "regionCode: must be set"),
                                  wrapped(400, "INVALID_ARGUMENT", "regionCode: must be set")],
                         ids=["flat", "wrapped"])
def test_both_shapes_give_the_same_error(body):
    error = failure(body, 400)
    assert error.sinch_body
    assert error.to_dict()["status"] == 400
    assert error.to_dict()["code"] == "INVALID_ARGUMENT"
    assert error.to_dict()["message"] == "regionCode: must be set"
    assert "regionCode: must be set" in str(error)
    assert "check project_id" not in str(error)


@pytest.mark.parametrize("body", [flat(404, "NOT_FOUND", "The imported number could not be found."),
                                  flat(404, "NOT_FOUND", "Imported number +12025550134 not found in project p"),
                                  wrapped(404, "NOT_FOUND", "Imported number +12025550134 not found",
                                          [{"type": "ResourceInfo", "resourceType": "ImportedNumber"}])],
                         ids=["flat", "flat naming the project", "wrapped"])
def test_a_missing_resource_is_none_in_either_shape(body):
    client, _session, _sleeps = scripted_client(make_response(404, body))
    assert client.get_or_none(URL, resource_type="ImportedNumber") is None


@pytest.mark.parametrize("body", [flat(404, "NOT_FOUND", "Project p not found"),
                                  wrapped(404, "NOT_FOUND", "Project p not found",
                                          [{"type": "ResourceInfo", "resourceType": "Project"}])],
                         ids=["flat", "wrapped"])
def test_a_missing_project_is_an_error_in_either_shape(body):
    """Never 'not found, so absent': a wrong project_id must not look like a missing number."""
    client, _session, _sleeps = scripted_client(make_response(404, body))
    with pytest.raises(SinchApiError) as caught:
        client.get_or_none(URL, resource_type="ImportedNumber")
    assert "check project_id" in str(caught.value)


def _number(expire_at=True, scheduled=True, **sms):
    """An active number as the client sees it, its unset fields null (True) or left out (False)."""
    number = {"phone_number": "+12065550100", "sms_configuration": {"service_plan_id": "p", "campaign_id": "", **sms},
              "voice_configuration": {"type": "RTC", "app_id": "a", "trunk_id": "", "service_id": ""}}
    if expire_at:
        number["expire_at"] = None
    if scheduled:
        number["sms_configuration"].setdefault("scheduled_provisioning", None)
        number["voice_configuration"].update(scheduled_voice_provisioning=None, last_updated_time=None)
    return number


def test_unset_fields_null_or_absent_read_the_same():
    null, absent = _number(), _number(expire_at=False, scheduled=False)
    assert provisioning_state(null) == provisioning_state(absent) == "done"
    assert provisioning_errors(null) == provisioning_errors(absent) == []
    assert effective_configuration(null)["sms_configuration"]["service_plan_id"] == "p"
    assert effective_configuration(absent)["sms_configuration"]["service_plan_id"] == "p"
    pending = _number(scheduled=False, scheduled_provisioning={"status": "WAITING", "service_plan_id": "q"})
    assert provisioning_state(pending) == "pending"
    assert effective_configuration(pending)["sms_configuration"]["service_plan_id"] == "q"
