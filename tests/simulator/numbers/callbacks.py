"""The callbacks of the Numbers API: a rented number's SMS or voice provisioning finished or failed.

Sinch posts them to the number's callbackUrl ("The callback URL to be called for a rented number's
provisioning / deprovisioning operations", numbers-rent-v1.0.3.md, rent and update bodies), signed with
the project's Numbers callback secret (the callbackConfiguration of callbacks/api.py). The body is the
CallbackPayload of imported-numbers-hosting-orders.yaml (x-webhooks EventsCallback), the one event
schema the specs give for numbers; delivery is core/deliveries.py.

Where the specs are silent, the simulator's choices:
- eventType PROVISIONING_TO_SMS_PLATFORM for SMS (the spec's name) and PROVISIONING_TO_VOICE_PLATFORM
  for voice (no voice event in the specs; the official SDKs use this name); resourceType ACTIVE_NUMBER
  (the SDKs' value for a rented number; the spec lists only the imported kinds);
- status SUCCEEDED or FAILED (the spec's examples); failureCode null, as the spec says for SMS
  provisioning ("there won't be any extra failureCode, as the result is binary"), and for voice;
- keys in the order the SDKs' fixtures show (eventId, timestamp, projectId, resourceId, resourceType,
  eventType, status, failureCode), compact JSON; timestamp like the spec's example, UTC without offset;
- one event per provisioning, when it is due, and only for the latest one: a provisioning replaced
  by a newer PATCH before it finished reports nothing, nor does one of a number released meanwhile;
  without a callbackUrl nothing is posted.

Admin: GET/DELETE /_sim/numbers/callbacks lists / forgets the events, each with its delivery.
"""

import json
import uuid
import weakref
from datetime import datetime, timezone

from ..callbacks.api import state_of as secrets_of
from ..core.admin import PREFIX
from ..core.deliveries import events_json, signed_event
from ..core.provisioning import FAILED
from ..core.router import Routes

ROUTES = Routes(PREFIX + "/numbers", auth=False)
EVENT_TYPES = {"sms": "PROVISIONING_TO_SMS_PLATFORM", "voice": "PROVISIONING_TO_VOICE_PLATFORM"}

_OUTBOXES = weakref.WeakKeyDictionary()


def outbox_of(sim):
    """The Numbers events of the simulator's current store (none after a reset)."""
    outbox = _OUTBOXES.get(sim.store)
    if outbox is None:
        outbox = _OUTBOXES[sim.store] = []
    return outbox


def watch(sim, project, number, started):
    """Post the callback of each started provisioning job when it is due."""
    store = sim.store
    for kind, job in started:
        sim.timers.at(job.due_at, lambda kind=kind, job=job: _finished(sim, store, project, number, kind, job))


def _finished(sim, store, project, number, kind, job):
    if sim.store is not store or job.superseded or project.numbers.get(number.phone_number) is not number:
        return
    number.settle(sim.now())
    if not number.callback_url:
        return
    payload = {
        "eventId": str(uuid.uuid4()),
        "timestamp": datetime.fromtimestamp(job.due_at, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f"),
        "projectId": project.project_id,
        "resourceId": number.phone_number,
        "resourceType": "ACTIVE_NUMBER",
        "eventType": EVENT_TYPES[kind],
        "status": "FAILED" if job.status(job.due_at) == FAILED else "SUCCEEDED",
        "failureCode": None,
    }
    event = signed_event(number.callback_url, json.dumps(payload, separators=(",", ":")),
                         secrets_of(sim).secrets.get(project.project_id),
                         phoneNumber=number.phone_number, eventType=payload["eventType"])
    outbox_of(sim).append(event)
    sim.deliveries.post(event)


ROUTES.clearable("/callbacks", "callbacks", lambda sim: events_json(outbox_of(sim)), lambda sim: outbox_of(sim).clear())


register = ROUTES.register
