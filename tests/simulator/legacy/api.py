"""The legacy number administration endpoints (specs/legacy-number-administration.md).

The document spreads them over three hosts (userapi, api and portalapi.sinch.com); here they
share the simulator's one port, their paths do not collide. Each handler checks its own
authorization scheme (legacy/auth.py), so the routes are registered with auth=False.

Admin endpoints for tests are in legacy/admin.py (/_sim/legacy/...).
"""

from . import admin as legacy_admin
from ..core.errors import ApiError
from .auth import check_application, check_instance, check_user
from .errors import (
    LegacyError,
    application_not_found,
    invalid,
    invalid_number_type,
    missing,
    not_found,
    not_owner,
    parameter,
    unauthorized,
)
from .state import legacy_state
from ..core.router import NO_CONTENT, Routes
from ..core.validation import is_int

CAPABILITIES = ("sms", "voice")
ORGANISATION = "/v1/organisations/id/{organisationId}"
APPLICATION = "/v1/applications/key/{applicationKey}/numbers"
ROUTES = Routes(auth=False)


def _body(request):
    try:
        return request.json()
    except ApiError:
        # The shared parser answers in the Numbers API's shape; this API has its own.
        raise parameter("The request body is not a JSON object.") from None


# -- session ---------------------------------------------------------------------


@ROUTES.route("POST", "/v1/users/{type}/{identity}/authentication")
def log_in(sim, request):
    """POST /v1/users/{type}/{identity}/authentication (public, 'Application <key>')."""
    state = legacy_state(sim)
    check_application(state, request)
    if request.params["type"] != "email":
        raise parameter(f"Unsupported identity type: {request.params['type']}. Log in with type email.")
    body = _body(request)
    if not isinstance(body.get("password"), str) or not body["password"]:
        raise missing("password is missing.")
    settings = state.settings
    if request.params["identity"].lower() != settings.email.lower() or body["password"] != settings.password:
        raise unauthorized(40108, "Invalid email or password.")
    return {
        "authorization": state.issue_authorization(settings.email),
        "user": {
            "id": 123456789,
            "identities": [{"type": "email", "endpoint": settings.email}],
            "profile": {
                "name": {"first": "Jane", "last": "Bloggs", "full": "Jane Bloggs"},
                "contact": {"email": settings.email},
            },
        },
    }


@ROUTES.route("POST", "/v1/instance")
def create_instance(sim, request):
    """POST /v1/instance ('User <authorization>')."""
    state = legacy_state(sim)
    authorization = check_user(state, request)
    body = _body(request)
    if "authorization" not in body:
        raise missing("authorization is missing.")
    if body["authorization"] != authorization:
        raise parameter("authorization does not match the Authorization header.")
    version = body.get("version")
    if version is None:
        raise missing("version is missing.")
    if not isinstance(version, dict) or not all(isinstance(version.get(key), str) for key in ("os", "platform")):
        raise parameter("version must be an object with the strings os and platform.")
    instance = state.create_instance()
    answer = {"id": instance.instance_id, "secret": instance.secret}
    if state.settings.announce_instance_expiry:
        answer["expiresIn"] = int(state.settings.instance_ttl)
    return answer


@ROUTES.route("GET", "/v1/organisations")
def get_organisation(sim, request):
    """GET /v1/organisations."""
    state = legacy_state(sim)
    check_instance(state, request)
    return dict(state.organisation)


# -- number shop -------------------------------------------------------------------


def _owned_organisation(sim, request):
    state = legacy_state(sim)
    check_instance(state, request)
    organisation_id = request.params["organisationId"]
    if organisation_id != str(state.organisation["id"]):
        raise not_owner(organisation_id)
    return state


@ROUTES.route("GET", ORGANISATION + "/numbers/shop")
def list_shop(sim, request):
    """GET /v1/organisations/id/{organisationId}/numbers/shop.

    The document lists ParameterValidation "Invalid number type" for this call, so a number
    type can be asked for; the simulator takes it as an optional ?type= filter.
    """
    state = _owned_organisation(sim, request)
    kind = request.arg("type")
    if kind is not None and kind.lower() not in CAPABILITIES:
        raise invalid_number_type(kind)
    groups = [group for group in state.groups.values() if kind is None or group.type.lower() == kind.lower()]
    return [group.to_json() for group in groups]


@ROUTES.route("PUT", ORGANISATION + "/numbers/shop")
def reserve(sim, request):
    """PUT /v1/organisations/id/{organisationId}/numbers/shop."""
    state = _owned_organisation(sim, request)
    body = _body(request)
    group_id = body.get("groupId")
    if group_id is None:
        raise missing("No groupId's specified")
    if isinstance(group_id, list):
        raise invalid("Too many number groups specified.  Unable to complete request.")
    group = state.groups.get(group_id) if is_int(group_id) else None
    if group is None:
        raise invalid(f"Invalid number group: {group_id}")
    quantity = body.get("quantity")
    if quantity is None:
        raise missing("quantity is missing.")
    if not is_int(quantity) or quantity < 1:
        raise parameter("quantity must be a positive integer.")
    if quantity > len(group.available):
        raise invalid(f"Only {len(group.available)} numbers are available in number group {group_id}.")
    return {"referenceId": state.reserve(group, quantity).reference_id}


@ROUTES.route("POST", ORGANISATION + "/numbers/shop")
def checkout(sim, request):
    """POST /v1/organisations/id/{organisationId}/numbers/shop: all reservations or none."""
    state = _owned_organisation(sim, request)
    body = _body(request)
    references = body.get("referenceIds")
    if not references:
        raise missing("No referenceIds specified")
    if not isinstance(references, list) or not all(isinstance(ref, str) for ref in references):
        raise parameter("referenceIds must be a list of strings.")
    reservations = [state.reservations.get(ref) for ref in dict.fromkeys(references)]
    if any(reservation is None for reservation in reservations):
        raise not_found("Unable to assign numbers to organization: reservation(s) not found or expired")
    if not state.settings.accounting_enabled:
        raise LegacyError(42200, "Accounting not set up for this organization.")
    cost = sum(reservation.group.amount * len(reservation.numbers) for reservation in reservations)
    if cost > state.settings.credit + 1e-9:
        raise LegacyError(40200, "Insufficient funds to complete the transaction.")
    state.settings.credit = round(state.settings.credit - cost, 2)
    state.checkout(reservations)
    return NO_CONTENT


@ROUTES.route("GET", ORGANISATION + "/numbers")
def list_rented(sim, request):
    """GET /v1/organisations/id/{organisationId}/numbers."""
    state = _owned_organisation(sim, request)
    return [number.to_json() for number in state.rented_numbers()]


# -- application numbers -------------------------------------------------------------


def _application(sim, request):
    state = legacy_state(sim)
    check_instance(state, request)
    if state.settings.applications_down > 0:
        state.settings.applications_down -= 1
        raise LegacyError(50300, "Service is temporarily unavailable, please try again later.")
    key = request.params["applicationKey"]
    if key not in state.applications:
        raise application_not_found(key)
    return state, key


@ROUTES.route("GET", APPLICATION)
def list_application_numbers(sim, request):
    """GET /v1/applications/key/{applicationKey}/numbers."""
    state, key = _application(sim, request)
    return [number.to_json() for number in state.application_numbers(key)]


@ROUTES.route("PUT", APPLICATION + "/{capability}")
def set_application_numbers(sim, request):
    """PUT /v1/applications/key/{applicationKey}/numbers/{numberCapability}.

    The application's numbers of that capability become exactly the given list; a listed
    number assigned to another application moves. Answers the application's numbers.
    """
    capability = request.params["capability"]
    if capability.lower() not in CAPABILITIES:
        # Checked before the application: the document lists it first.
        state = legacy_state(sim)
        check_instance(state, request)
        raise invalid_number_type(capability)
    state, key = _application(sim, request)
    capability = capability.lower()
    body = _body(request)
    numbers = body.get("numbers")
    if numbers is None:
        raise missing("numbers is missing.")
    if not isinstance(numbers, list) or not all(is_int(number) for number in numbers):
        raise parameter("numbers must be a list of numbers (integers, international format without '+').")
    for number in numbers:
        rented = state.rented.get(number)
        if rented is None:
            raise parameter(f"Number {number} is not a number of the organisation.")
        if rented.capability != capability:
            raise parameter(f"Number {number} is a {rented.capability} number, not {capability}.")
    for rented in state.application_numbers(key):
        if rented.capability == capability and rented.number not in numbers:
            rented.application_key = None
    for number in numbers:
        state.rented[number].application_key = key
    return [number.to_json() for number in state.application_numbers(key)]


@ROUTES.route("DELETE", APPLICATION + "/{number}")
def remove_application_number(sim, request):
    """DELETE /v1/applications/key/{applicationKey}/numbers/{number}."""
    state, key = _application(sim, request)
    text = request.params["number"]
    if not text.isdigit():
        raise invalid("The 'number' specified is not a valid number.")
    rented = state.rented.get(int(text))
    if rented is not None and rented.application_key == key:
        rented.application_key = None
    return NO_CONTENT


def register(router):
    ROUTES.register(router)
    legacy_admin.register(router)
