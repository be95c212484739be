"""Registrations, their status life cycle, attachments and the callback events they cause.

The life cycle is evaluated lazily from the clock on every read (like provisioning.py):

    create ──> PENDING_APPROVAL   (policy price mode MANUAL; an account manager approves)
           ──> PENDING_ATTACHMENTS (a mandatory attachment is missing; uploading it moves on)
           ──> IN_QUEUE ──> IN_PROGRESS ──> outcome (APPROVED by default; REJECTED, PENDING or ON_HOLD)

How long IN_QUEUE, IN_PROGRESS and PENDING_APPROVAL last and what the outcome is are the
schedule, set through POST /_sim/registrations/schedule. An update (PUT) of a PENDING
registration resubmits it. DRAFT exists only for registrations seeded through the admin API
(the public API cannot create drafts).

State lives per Store (so /_sim/reset forgets it), without touching state.py.
"""

import json
import secrets
import uuid
import weakref
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..core.deliveries import signed_event

DRAFT = "DRAFT"
IN_QUEUE = "IN_QUEUE"
IN_PROGRESS = "IN_PROGRESS"
APPROVED = "APPROVED"
REJECTED = "REJECTED"
PENDING = "PENDING"
ON_HOLD = "ON_HOLD"
PENDING_APPROVAL = "PENDING_APPROVAL"
PENDING_ATTACHMENTS = "PENDING_ATTACHMENTS"
STATUSES = (DRAFT, IN_QUEUE, IN_PROGRESS, APPROVED, REJECTED, PENDING, ON_HOLD, PENDING_APPROVAL, PENDING_ATTACHMENTS)
TICK_SECONDS = 0.1
OUTCOMES = (APPROVED, REJECTED, PENDING, ON_HOLD)
# From the spec: "Only DRAFT, IN QUEUE or PENDING registrations can be deleted."
DELETABLE = (DRAFT, IN_QUEUE, PENDING)
# The spec calls a registration "editable" once created (IN_QUEUE) and asks the customer to
# update it in PENDING; it names no other state. The simulator's choice:
EDITABLE = (DRAFT, IN_QUEUE, PENDING, PENDING_ATTACHMENTS)
ACCEPTS_ATTACHMENTS = EDITABLE

OUTCOME_MESSAGES = {
    APPROVED: "Sender ID provisioned.",
    REJECTED: "The sender ID does not comply with the market regulations.",
    PENDING: "Please update the attachment connected to your request.",
    ON_HOLD: "The operator is reviewing the request.",
}
_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def iso_seconds(timestamp):
    """ISO date time in UTC without timezone offset, as the spec's examples show."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def iso_micro(timestamp):
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def new_registration_id():
    """26 lower-case characters, shaped like the spec's example id (a ULID)."""
    return "01" + "".join(secrets.choice(_ID_ALPHABET) for _position in range(24))


@dataclass
class Schedule:
    in_queue_seconds: float = 1.0
    in_progress_seconds: float = 1.0
    pending_approval_seconds: float = 1.0
    outcome: str = APPROVED
    message: str = ""

    def to_json(self):
        return {
            "inQueueSeconds": self.in_queue_seconds,
            "inProgressSeconds": self.in_progress_seconds,
            "pendingApprovalSeconds": self.pending_approval_seconds,
            "outcome": self.outcome,
            "message": self.message,
        }


@dataclass
class StoredAttachment:
    definition_id: str
    file_name: str
    mime_type: str
    content: bytes
    created_at: float
    updated_at: float

    def to_json(self):
        return {
            "attachmentId": self.definition_id,
            "createTime": iso_seconds(self.created_at),
            "fileName": self.file_name,
            "mimeType": self.mime_type,
            "updateTime": iso_seconds(self.updated_at),
            "uploadStatus": "COMPLETED",
        }


@dataclass
class Registration:
    registration_id: str
    project_id: str
    policy: object
    owner: str
    created_at: float
    request_details: list
    tags: list
    notification_contacts: list
    callback_url: str
    status: str = IN_QUEUE
    status_since: float = 0.0
    updated_at: float = 0.0
    logs: list = field(default_factory=list)
    attachments: dict = field(default_factory=dict)

    @property
    def sender_ids(self):
        return [item.get("senderId") for details in self.request_details
                for item in details.get("senderIdDetails") or []]

    def missing_attachments(self):
        return [item for item in self.policy.mandatory_attachments if item.attachment_id not in self.attachments]

    def to_json(self):
        return {
            "attachments": [self.attachments[key].to_json() for key in sorted(self.attachments)],
            "callbackUrl": self.callback_url,
            "createTime": iso_seconds(self.created_at),
            "etaDate": datetime.fromtimestamp(self.created_at + 10 * 86400, timezone.utc).strftime("%Y-%m-%d"),
            "id": self.registration_id,
            "logs": [
                {"createTime": iso_seconds(at), "message": message, "registrationState": status}
                for at, status, message in self.logs
            ],
            "notificationContacts": list(self.notification_contacts),
            "owner": self.owner,
            "policyId": self.policy.policy_id,
            "price": self.policy.pricing_json(),
            "registrationType": self.policy.registration_type,
            "requestDetails": json.loads(json.dumps(self.request_details)),
            "status": self.status,
            "tags": list(self.tags),
            "updateTime": iso_seconds(self.updated_at),
        }


class RegistrationsState:
    """Everything the Sender ID Registrations API keeps, for every project."""

    def __init__(self, post=None):
        self.registrations = {}
        self.schedule = Schedule()
        self.secrets = {}
        self.outbox = []
        # where a callback event goes for delivery (the simulator's Deliveries.post)
        self.post = post

    # -- registrations --------------------------------------------------------

    def add(self, registration, status, now, message):
        self.registrations[registration.registration_id] = registration
        self.enter(registration, status, now, message)

    def get(self, project_id, registration_id):
        registration = self.registrations.get(registration_id)
        if registration is None or registration.project_id != project_id:
            return None
        return registration

    def of_project(self, project_id):
        return [item for item in self.registrations.values() if item.project_id == project_id]

    def remove(self, registration):
        del self.registrations[registration.registration_id]

    def enter(self, registration, status, at, message=""):
        """Move to a status at a point in time; log it and queue the callback event."""
        registration.status = status
        registration.status_since = at
        registration.updated_at = max(registration.updated_at, at)
        registration.logs.append((at, status, message))
        if registration.callback_url:
            self._queue_event(registration, status, at, message)

    def after_submission(self, registration):
        """Where a registration goes once nothing but its attachments can hold it."""
        return PENDING_ATTACHMENTS if registration.missing_attachments() else IN_QUEUE

    def settle(self, registration, now):
        """Apply every scheduled step whose time has come, each at its own time."""
        schedule = self.schedule
        while True:
            since, status = registration.status_since, registration.status
            if status == PENDING_APPROVAL and now >= since + schedule.pending_approval_seconds:
                at = since + schedule.pending_approval_seconds
                self.enter(registration, self.after_submission(registration), at, "Approved by the account manager.")
            elif status == IN_QUEUE and now >= since + schedule.in_queue_seconds:
                self.enter(registration, IN_PROGRESS, since + schedule.in_queue_seconds, "Sinch is processing the request.")
            elif status == IN_PROGRESS and now >= since + schedule.in_progress_seconds:
                message = schedule.message or OUTCOME_MESSAGES[schedule.outcome]
                self.enter(registration, schedule.outcome, since + schedule.in_progress_seconds, message)
            else:
                return registration

    # -- callback configuration and events -------------------------------------

    def _queue_event(self, registration, status, at, message):
        """The event Sinch POSTs to callbackUrl (CallbackEventBody), signed as the spec describes:
        hex HMAC-SHA1 of the body (JSON, keys in alphabetical order) with the project's secret.
        Delivered by core/deliveries.py when the simulator runs."""
        event = {
            "comment": message,
            "eventId": str(uuid.uuid4()),
            "eventType": "REGISTRATION_STATUS_CHANGE",
            "projectId": registration.project_id,
            "resourceId": registration.registration_id,
            "resourceType": "ALPHANUMERIC_SENDER_ID",
            "status": status,
            "timestamp": iso_micro(at),
        }
        body = json.dumps(event, sort_keys=True, separators=(",", ":"))
        entry = signed_event(registration.callback_url, body, self.secrets.get(registration.project_id),
                             registrationId=registration.registration_id)
        self.outbox.append(entry)
        if self.post is not None:
            self.post(entry)


_STATES = weakref.WeakKeyDictionary()


def state_of(sim):
    """The registrations state of the simulator's current store (a fresh one after reset)."""
    state = _STATES.get(sim.store)
    if state is None:
        state = _STATES[sim.store] = RegistrationsState(post=sim.deliveries.post)
        store = sim.store
        # Status changes happen when due, read or not, so their callbacks go out on time.
        sim.timers.every(TICK_SECONDS, lambda: _advance(sim, store, state))
    return state


def _advance(sim, store, state):
    """Settle every registration now; False (stop ticking) once the store was reset."""
    if sim.store is not store:
        return False
    now = sim.now()
    for registration in list(state.registrations.values()):
        state.settle(registration, now)
    return True
