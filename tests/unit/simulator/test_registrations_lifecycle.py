"""The registration status life cycle, what each status allows, drafts and callback events."""

import hashlib
import hmac
import json
import time

from registrations_helpers import AE_POLICY, REGISTRATIONS, SE_POLICY, create, details, get, schedule, upload
from registrations_helpers import oauth  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE, PROJECT, wait_until


def states(registration):
    return [entry["registrationState"] for entry in registration["logs"]]


def test_a_registration_goes_through_the_queue_and_is_approved(oauth, admin):
    schedule(admin, inQueueSeconds=0.2, inProgressSeconds=0.2)
    created = create(oauth)
    assert created["status"] == "IN_QUEUE"
    time.sleep(0.25)
    assert get(oauth, created["id"])["status"] == "IN_PROGRESS"
    done = wait_until(lambda: (r := get(oauth, created["id"]))["status"] == "APPROVED" and r)
    assert states(done) == ["IN_QUEUE", "IN_PROGRESS", "APPROVED"]
    assert done["logs"][-1]["message"] == "Sender ID provisioned."


def test_the_schedule_decides_the_outcome(oauth, admin):
    assert admin("GET", "/registrations/schedule")["outcome"] == "APPROVED"
    schedule(admin, inQueueSeconds=0, inProgressSeconds=0, outcome="REJECTED", message="Not allowed here.")
    rejected = get(oauth, create(oauth)["id"])
    assert rejected["status"] == "REJECTED"
    assert rejected["logs"][-1]["message"] == "Not allowed here."


def test_schedule_rejects_bad_values(anon):
    response = anon.post("/_sim/registrations/schedule", json={"inQueueSeconds": -1, "outcome": "MAYBE", "x": 1})
    assert response.status_code == 400
    assert {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]} == {
        "inQueueSeconds", "outcome", "x"}


def test_mandatory_attachments_hold_a_registration_until_uploaded(oauth, admin):
    schedule(admin, inQueueSeconds=3600)
    created = create(oauth, policy=AE_POLICY)
    assert created["status"] == "PENDING_ATTACHMENTS"
    assert upload(oauth, created["id"], "att-ae-trade-license").status_code == 200
    assert get(oauth, created["id"])["status"] == "PENDING_ATTACHMENTS"
    assert upload(oauth, created["id"], "att-ae-authorization").status_code == 200
    queued = get(oauth, created["id"])
    assert queued["status"] == "IN_QUEUE"
    assert states(queued) == ["PENDING_ATTACHMENTS", "IN_QUEUE"]


def test_manual_fees_wait_for_the_account_manager(oauth, admin):
    schedule(admin, pendingApprovalSeconds=0.1, inQueueSeconds=3600)
    created = create(oauth, policy="pol-ae-gcc-1")
    assert created["status"] == "PENDING_APPROVAL"
    assert created["price"] == {"currency": "USD", "frequency": 1, "recurrentFeeAmount": "10", "setupFeeAmount": "50"}
    time.sleep(0.15)
    assert get(oauth, created["id"])["status"] == "PENDING_ATTACHMENTS"


def test_updates_and_deletion_follow_the_status(oauth, admin):
    schedule(admin, inQueueSeconds=3600)
    created = create(oauth, tags=["#one"])
    path = f"{REGISTRATIONS}/{created['id']}"
    updated = oauth.put(path, json={"tags": ["#two"]}).json()
    assert updated["tags"] == ["#two"]
    assert updated["requestDetails"] == created["requestDetails"]  # fields not sent are kept
    admin("POST", f"/registrations/{created['id']}/status", {"status": "IN_PROGRESS"})
    refused = oauth.put(path, json={"tags": ["#three"]})
    assert refused.status_code == 400
    assert refused.json()["error"]["status"] == "FAILED_PRECONDITION"
    assert oauth.delete(path).status_code == 400
    assert upload(oauth, created["id"], "att-loa").status_code == 400
    admin("POST", f"/registrations/{created['id']}/status", {"status": "PENDING", "message": "More details please."})
    resubmitted = oauth.put(path, json={"requestDetails": details(use_case="Order updates")}).json()
    assert resubmitted["status"] == "IN_QUEUE"
    assert resubmitted["logs"][-1]["message"] == "Updated by the customer."
    assert oauth.delete(path).status_code == 200
    assert oauth.get(path).status_code == 404


def test_only_draft_in_queue_and_pending_can_be_deleted(oauth, admin):
    schedule(admin, inQueueSeconds=3600)
    statuses = ("DRAFT", "IN_QUEUE", "PENDING", "IN_PROGRESS", "APPROVED", "REJECTED", "ON_HOLD",
                "PENDING_APPROVAL", "PENDING_ATTACHMENTS")
    for index, status in enumerate(statuses):
        created = create(oauth, sender=f"Sender {index}")
        admin("POST", f"/registrations/{created['id']}/status", {"status": status})
        expected = 200 if status in ("DRAFT", "IN_QUEUE", "PENDING") else 400
        assert oauth.delete(f"{REGISTRATIONS}/{created['id']}").status_code == expected, status


def test_drafts_come_from_the_dashboard(oauth, admin):
    draft = admin("POST", "/registrations/drafts", {"projectId": PROJECT, "policyId": SE_POLICY, "requestDetails": details()})
    assert draft["status"] == "DRAFT"
    assert get(oauth, draft["id"])["status"] == "DRAFT"


def test_disabled_policies_and_bad_details_are_refused(oauth):
    disabled = oauth.post(REGISTRATIONS, json={"policyId": "pol-ae-intl-1", "requestDetails": details()})
    assert disabled.status_code == 400 and "DISABLED" in disabled.json()["error"]["message"]
    missing = oauth.post(REGISTRATIONS, json={"policyId": "pol-nothere", "requestDetails": details()})
    assert missing.status_code == 404
    bad = oauth.post(REGISTRATIONS, json={"policyId": SE_POLICY, "requestDetails": [
        {"senderIdDetails": [{"senderId": "x", "colour": "red"}], "additionalDetails": [{"companyName": "A"}]}]})
    fields = {item["field"] for item in bad.json()["error"]["details"][0]["fieldViolations"]}
    assert fields == {"requestDetails[0].senderIdDetails[0].colour", "requestDetails[0].senderIdDetails[0].senderId",
                      "requestDetails[0].senderIdDetails[0].useCase", "requestDetails.additionalDetails"}
    two = details() + details(sender="ACME2")
    single = oauth.post(REGISTRATIONS, json={"policyId": SE_POLICY, "requestDetails": two})
    assert single.status_code == 400 and "SINGLE" in single.json()["error"]["message"]
    two = details(contact=False) + details(sender="ACME2", contact=False)
    multi = oauth.post(REGISTRATIONS, json={"policyId": "pol-mk-alpha-1", "requestDetails": two})
    assert multi.status_code == 200


def test_status_changes_become_signed_callback_events(oauth, admin, anon):
    secret = "registrations-hmac-secret"
    oauth.put(f"{BASE}/callback-configuration", json={"hmacSecret": secret})
    schedule(admin, inQueueSeconds=0, inProgressSeconds=0)
    created = create(oauth, callbackUrl="https://hooks.example/sinch")
    get(oauth, created["id"])
    create(oauth, sender="NOHOOK")  # no callbackUrl: no events
    events = anon.get("/_sim/registrations/callbacks").json()["callbacks"]
    assert [json.loads(event["body"])["status"] for event in events] == ["IN_QUEUE", "IN_PROGRESS", "APPROVED"]
    for event in events:
        assert event["url"] == "https://hooks.example/sinch"
        body = json.loads(event["body"])
        assert event["body"] == json.dumps(body, sort_keys=True, separators=(",", ":"))
        assert body["resourceId"] == created["id"] and body["eventType"] == "REGISTRATION_STATUS_CHANGE"
        expected = hmac.new(secret.encode(), event["body"].encode(), hashlib.sha1).hexdigest()
        assert event["headers"]["X-Sinch-Signature"] == expected
    assert anon.delete("/_sim/registrations/callbacks").json() == {"callbacks": []}


def test_reset_forgets_registrations_and_the_schedule(oauth, admin, sim):
    schedule(admin, inQueueSeconds=42)
    created = create(oauth)
    sim.reset()
    assert oauth.get(f"{REGISTRATIONS}/{created['id']}").status_code == 404
    assert admin("GET", "/registrations/schedule")["inQueueSeconds"] == 1.0
