"""The Sender ID Registrations API (specs/senderid-registrations.yaml).

OAuth2 only, as the spec says ("All endpoints available under this API require Bearer token
authentication"): HTTP Basic is refused with 401 even with the right key.

Choices where the spec is silent (see also catalog.py and state.py):
- an attachment is addressed by its attachment definition id, for upload and download alike;
  the Attachment objects of a registration carry that id as attachmentId, and uploading to a
  definition again replaces the file;
- PUT changes the fields it carries and keeps the others;
- list paging tokens carry an offset and are tied to the filters and order they came from;
- delete answers 200 with an empty object.

Admin endpoints (no auth, never logged, never faulted, forgotten by /_sim/reset):
- GET/POST /_sim/registrations/schedule: {"inQueueSeconds", "inProgressSeconds",
  "pendingApprovalSeconds", "outcome": APPROVED|REJECTED|PENDING|ON_HOLD, "message"} (defaults
  1 s, 1 s, 1 s, APPROVED): how registrations advance, changed live;
- POST /_sim/registrations/{id}/status {"status", "message"}: put a registration in a status now;
- POST /_sim/registrations/drafts {"projectId"?, "ageSeconds"?, "policyId", "requestDetails", ...}: a DRAFT
  registration, as the dashboard makes them (the public API cannot);
- GET/DELETE /_sim/registrations/callbacks: the status events posted to each registration's
  callbackUrl (core/deliveries.py: loopback URLs only), {"url", "headers", "body", "delivery"},
  signed with X-Sinch-Signature when the project has a registrations HMAC secret.
"""

import base64
import binascii
import hashlib
import json

from ..core import auth
from . import params
from ..core.admin import PREFIX as ADMIN
from ..callbacks.api import configuration_handlers
from ..core.deliveries import events_json
from ..core.errors import ApiError, existing, invalid_argument, not_found, unauthenticated
from .catalog import POLICIES, active_versions, market_name, market_version_json, template_bytes
from .multipart import uploaded_file
from .state import (
    ACCEPTS_ATTACHMENTS,
    DELETABLE,
    DRAFT,
    EDITABLE,
    IN_QUEUE,
    OUTCOMES,
    PENDING,
    PENDING_APPROVAL,
    PENDING_ATTACHMENTS,
    STATUSES,
    Registration,
    StoredAttachment,
    new_registration_id,
    state_of,
)
from ..core.router import Routes
from ..core.validation import Violations, is_number

REGISTRATION = "/registrations/{registrationId}"
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
OWNER = "API user"
BEARER_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="senderid-registrations"'}
SCHEDULE_FIELDS = {
    "inQueueSeconds": "in_queue_seconds",
    "inProgressSeconds": "in_progress_seconds",
    "pendingApprovalSeconds": "pending_approval_seconds",
}


def oauth2_only(handler):
    """Wrap a handler: a valid bearer token and an existing project, or 401/404."""

    def wrapped(sim, request):
        scheme = (request.headers.get("Authorization") or "").partition(" ")[0].lower()
        if scheme != "bearer":
            raise unauthenticated("The Sender ID Registrations API accepts OAuth2 bearer tokens only: "
                                  "exchange the access key at /oauth2/token", headers=BEARER_CHALLENGE)
        auth.check_request(sim, request)
        sim.store.project(request.params["projectId"])
        return handler(sim, request)

    return wrapped


# auth=False: oauth2_only does the authentication (Bearer only) itself.
API_ROUTES = Routes("/v1/projects/{projectId}", wrap=oauth2_only, auth=False)
ADMIN_ROUTES = Routes(ADMIN, auth=False)


def failed_precondition(message):
    return ApiError(400, message, status="FAILED_PRECONDITION")


# -- callback configuration -------------------------------------------------------


get_callback_configuration, update_callback_configuration = configuration_handlers(state_of)
API_ROUTES.add("GET", "/callback-configuration", get_callback_configuration)
API_ROUTES.add("PUT", "/callback-configuration", update_callback_configuration)


# -- markets and policies --------------------------------------------------------------


@API_ROUTES.route("GET", "/markets/availability")
def list_available_markets(_sim, request):
    violations = Violations()
    code = params.market_code(request.arg("marketCode"), violations)
    language = params.language(request.arg("language"), violations)
    kind = params.registration_type(request.arg("registrationType"), violations)
    violations.raise_if_any()
    markets = [
        {"marketCode": version.market_code, "marketName": market_name(version.market_code, language)}
        for version in active_versions(kind)
        if code is None or version.market_code == code
    ]
    return {"markets": markets}


@API_ROUTES.route("GET", "/markets/details")
def list_market_versions(_sim, request):
    violations = Violations()
    code = params.market_code(request.arg("marketCode"), violations)
    active_only = params.boolean(request.arg("activePolicies"), "activePolicies", violations)
    kind = params.registration_type(request.arg("registrationType"), violations)
    size = params.page_size(request.arg("pageSize"), violations)
    violations.raise_if_any()
    versions = [version for version in active_versions(kind) if code is None or version.market_code == code]
    start = _page_start(request, violations)
    page = versions[start:start + size]
    return {
        "marketVersions": [market_version_json(version, active_only) for version in page],
        "nextPageToken": _next_token(request, start + size) if start + size < len(versions) else "",
        "totalSize": len(versions),
    }


@API_ROUTES.route("GET", "/policies/{policyId}")
def get_policy(_sim, request):
    return _policy(request.params["policyId"]).to_json()


@API_ROUTES.route("GET", "/policies/{policyId}/attachments/{attachmentId}/template")
def download_template(_sim, request):
    policy = _policy(request.params["policyId"])
    definition = policy.attachment(request.params["attachmentId"])
    if definition is None or not definition.template:
        raise not_found("Template", request.params["attachmentId"],
                        f"Policy {policy.policy_id} has no template for attachment {request.params['attachmentId']}")
    return template_bytes(policy, definition)


def _policy(policy_id):
    return existing(POLICIES.get(policy_id), "Policy", policy_id, f"Policy {policy_id} not found")


# -- registrations ---------------------------------------------------------------------------


@API_ROUTES.route("POST", "/registrations")
def create_registration(sim, request):
    registration = _new_registration(sim, request, request.json())
    state = state_of(sim)
    now = sim.now()
    if registration.policy.price_mode == "MANUAL":
        state.add(registration, PENDING_APPROVAL, now, "Waiting for the account manager to approve the fees.")
    else:
        status = state.after_submission(registration)
        message = "Mandatory attachments are missing." if status == PENDING_ATTACHMENTS else "Registration submitted."
        state.add(registration, status, now, message)
    return registration.to_json()


def _new_registration(sim, request, body):
    violations = Violations()
    policy_id = body.get("policyId")
    if not isinstance(policy_id, str) or not policy_id:
        violations.check_fields(body, params.CREATE_FIELDS)
        violations.add("policyId", "is required")
        violations.raise_if_any()
    policy = _policy(policy_id)
    if policy.status != "ENABLED":
        raise failed_precondition(f"Policy {policy_id} is {policy.status}: {policy.disclaimer}")
    fields = params.registration_body(body, params.CREATE_FIELDS, policy, violations)
    if "requestDetails" not in body:
        params.request_details([], policy, violations)
    violations.raise_if_any()
    now = sim.now()
    return Registration(
        registration_id=new_registration_id(),
        project_id=request.params["projectId"],
        policy=policy,
        owner=OWNER,
        created_at=now,
        updated_at=now,
        request_details=fields.get("requestDetails", []),
        tags=fields.get("tags", []),
        notification_contacts=fields.get("notificationContacts", []),
        callback_url=fields.get("callbackUrl", ""),
    )


@API_ROUTES.route("GET", REGISTRATION)
def get_registration(sim, request):
    return _registration(sim, request).to_json()


@API_ROUTES.route("PUT", REGISTRATION)
def update_registration(sim, request):
    registration = _registration(sim, request, EDITABLE, "updated")
    violations = Violations()
    fields = params.registration_body(request.json(), params.UPDATE_FIELDS, registration.policy, violations)
    violations.raise_if_any()
    registration.request_details = fields.get("requestDetails", registration.request_details)
    registration.tags = fields.get("tags", registration.tags)
    registration.notification_contacts = fields.get("notificationContacts", registration.notification_contacts)
    registration.callback_url = fields.get("callbackUrl", registration.callback_url)
    now = sim.now()
    registration.updated_at = now
    if registration.status == PENDING:
        state = state_of(sim)
        state.enter(registration, state.after_submission(registration), now, "Updated by the customer.")
    return registration.to_json()


@API_ROUTES.route("DELETE", REGISTRATION)
def delete_registration(sim, request):
    registration = _registration(sim, request, DELETABLE, "deleted")
    state_of(sim).remove(registration)
    return {}


@API_ROUTES.route("GET", "/registrations")
def list_registrations(sim, request):
    violations = Violations()
    wanted_status = params.status(request.arg("registrationState"), violations)
    tags = request.args("tags")
    code = params.market_code(request.arg("marketCode"), violations)
    kind = params.registration_type(request.arg("registrationType"), violations)
    sender_id = request.arg("senderId")
    bounds = {name: params.date_bound(request.arg(name), name, violations)
              for name in ("createDateFrom", "createDateTo", "updateDateFrom", "updateDateTo")}
    for name in ("createDateTo", "updateDateTo"):
        if bounds[name] is not None and "T" not in request.arg(name):
            bounds[name] += 86400  # a date alone includes that whole day
    order, descending = params.order_by(request.arg("orderBy"), violations)
    size = params.page_size(request.arg("pageSize"), violations)
    start = _page_start(request, violations)
    violations.raise_if_any()

    state = state_of(sim)
    now = sim.now()

    def matches(item):
        return (
            item.policy.registration_type == kind
            and (wanted_status is None or item.status == wanted_status)
            and all(tag in item.tags for tag in tags)
            and (code is None or item.policy.market_code == code)
            and (sender_id is None or sender_id in item.sender_ids)
            and _within(item.created_at, bounds["createDateFrom"], bounds["createDateTo"])
            and _within(item.updated_at, bounds["updateDateFrom"], bounds["updateDateTo"])
        )

    found = [state.settle(item, now) for item in state.of_project(request.params["projectId"])]
    found = sorted((item for item in found if matches(item)), key=_ORDER_KEYS[order], reverse=descending)
    page = found[start:start + size]
    return {
        "nextPageToken": _next_token(request, start + size) if start + size < len(found) else "",
        "registrations": [item.to_json() for item in page],
        "totalSize": len(found),
    }


_ORDER_KEYS = {
    "id": lambda item: item.registration_id,
    "status": lambda item: (item.status, item.created_at, item.registration_id),
    "senderId": lambda item: ((item.sender_ids or [""])[0] or "", item.created_at, item.registration_id),
    "createDate": lambda item: (item.created_at, item.registration_id),
    "updateDate": lambda item: (item.updated_at, item.registration_id),
}


def _within(value, start, end):
    return (start is None or value >= start) and (end is None or value < end)


def _registration(sim, request, allowed=None, action=""):
    """The registration of the path, settled; 400 FAILED_PRECONDITION when `allowed` (statuses) does not
    list its status."""
    registration_id = request.params["registrationId"]
    registration = existing(state_of(sim).get(request.params["projectId"], registration_id), "Registration",
                            registration_id, f"Registration {registration_id} not found")
    registration = state_of(sim).settle(registration, sim.now())
    if allowed is not None and registration.status not in allowed:
        raise failed_precondition(f"Registration {registration_id} is {registration.status}; "
                                  f"only {', '.join(allowed)} registrations can be {action}")
    return registration


# -- attachments ---------------------------------------------------------------------------------


@API_ROUTES.route("POST", REGISTRATION + "/attachments/{attachmentId}")
def upload_attachment(sim, request):
    registration = _registration(sim, request)
    attachment_id = request.params["attachmentId"]
    definition = existing(registration.policy.attachment(attachment_id), "AttachmentDefinition", attachment_id,
                          f"Policy {registration.policy.policy_id} has no attachment {attachment_id}")
    if registration.status not in ACCEPTS_ATTACHMENTS:
        raise failed_precondition(f"Registration {registration.registration_id} is {registration.status}; "
                                  f"attachments are accepted only in {', '.join(ACCEPTS_ATTACHMENTS)}")
    if len(request.raw_body) > MAX_ATTACHMENT_BYTES:
        raise ApiError(413, f"Document is too large to upload (at most {MAX_ATTACHMENT_BYTES} bytes)",
                       status="RESOURCE_EXHAUSTED")
    file_name, mime_type, content = uploaded_file(request)
    now = sim.now()
    stored = registration.attachments.get(definition.attachment_id)
    created = stored.created_at if stored else now
    registration.attachments[definition.attachment_id] = StoredAttachment(
        definition.attachment_id, file_name, mime_type, content, created, now)
    registration.updated_at = now
    if registration.status == PENDING_ATTACHMENTS and not registration.missing_attachments():
        state_of(sim).enter(registration, IN_QUEUE, now, "All mandatory attachments received.")
    return registration.attachments[definition.attachment_id].to_json()


@API_ROUTES.route("GET", REGISTRATION + "/attachments/{attachmentId}")
def download_attachment(sim, request):
    registration = _registration(sim, request)
    attachment_id = request.params["attachmentId"]
    return existing(registration.attachments.get(attachment_id), "Attachment", attachment_id,
                    f"Registration {registration.registration_id} has no attachment {attachment_id}").content


# -- paging --------------------------------------------------------------------------------------


def _listing_key(request):
    """What a page token is tied to: the path and every query parameter but the paging ones."""
    query = sorted((key, sorted(values)) for key, values in request.query.items() if key not in ("pageToken", "pageSize"))
    return hashlib.sha256(json.dumps([request.path, query]).encode()).hexdigest()[:16]


def _next_token(request, offset):
    raw = json.dumps({"k": _listing_key(request), "n": offset}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _page_start(request, violations):
    token = request.arg("pageToken")
    if not token:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode((token + "=" * (-len(token) % 4)).encode()))
        if data["k"] == _listing_key(request) and isinstance(data["n"], int) and data["n"] >= 0:
            return data["n"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        pass
    violations.add("pageToken", "invalid page token (or a token from another listing)")
    return 0


# -- admin (/_sim/registrations/...) --------------------------------------------------------------


@ADMIN_ROUTES.route("GET", "/registrations/schedule")
def get_schedule(sim, _request):
    return state_of(sim).schedule.to_json()


@ADMIN_ROUTES.route("POST", "/registrations/schedule")
def update_schedule(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, tuple(SCHEDULE_FIELDS) + ("outcome", "message"))
    for name in SCHEDULE_FIELDS:
        if name in body and not (is_number(body[name]) and body[name] >= 0):
            violations.add(name, "must be a non-negative number of seconds")
    if "outcome" in body and body["outcome"] not in OUTCOMES:
        violations.add("outcome", f"must be one of {', '.join(OUTCOMES)}")
    if "message" in body and not isinstance(body["message"], str):
        violations.add("message", "must be a string")
    violations.raise_if_any()
    schedule = state_of(sim).schedule
    for name, attribute in SCHEDULE_FIELDS.items():
        if name in body:
            setattr(schedule, attribute, body[name])
    schedule.outcome = body.get("outcome", schedule.outcome)
    schedule.message = body.get("message", schedule.message)
    return schedule.to_json()


@ADMIN_ROUTES.route("POST", "/registrations/{registrationId}/status")
def force_status(sim, request):
    """Put a registration in any status now, e.g. APPROVED to test what cannot be deleted."""
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("status", "message"))
    if body.get("status") not in STATUSES:
        violations.add("status", f"must be one of {', '.join(STATUSES)}")
    violations.raise_if_any()
    state = state_of(sim)
    registration_id = request.params["registrationId"]
    registration = existing(state.registrations.get(registration_id), "Registration", registration_id,
                            "Registration not found")
    state.settle(registration, sim.now())
    state.enter(registration, body["status"], sim.now(), body.get("message", "Status set through the simulator."))
    return registration.to_json()


@ADMIN_ROUTES.route("POST", "/registrations/drafts")
def seed_draft(sim, request):
    """A DRAFT registration, as the Sinch Customer Dashboard creates them."""
    body = request.json()
    project_id = body.pop("projectId", sim.settings.project_id)
    age = body.pop("ageSeconds", 0)
    if not (is_number(age) and age >= 0):
        raise invalid_argument([("ageSeconds", "must be a non-negative number of seconds")])
    sim.store.project(project_id)
    request.params["projectId"] = project_id
    registration = _new_registration(sim, request, body)
    # ageSeconds: the draft was made that long ago (for reports of registrations stuck in a status)
    created = sim.now() - age
    registration.created_at = registration.updated_at = created
    state_of(sim).add(registration, DRAFT, created, "Draft created in the dashboard.")
    return registration.to_json()


ADMIN_ROUTES.clearable("/registrations/callbacks", "callbacks", lambda sim: events_json(state_of(sim).outbox),
                       lambda sim: state_of(sim).outbox.clear())


def register(router):
    API_ROUTES.register(router)
    ADMIN_ROUTES.register(router)
