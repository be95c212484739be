"""/_sim/legacy/... admin endpoints: settings, state, seeding, and what tests need to look for leaks.

    GET  /_sim/legacy/settings            the settings below
    POST /_sim/legacy/settings            change some: email, password, instanceTtl,
                                          announceInstanceExpiry, reservationTtl, timestampWindow,
                                          clockOffset, credit, accountingEnabled, applicationsDown
    GET  /_sim/legacy/state               organisation, credit, shop groups, rented numbers,
                                          applications, reservations (no secrets)
    POST /_sim/legacy/applications        {"applicationKey": "..."} adds an application
    POST /_sim/legacy/rented              {"groupId": 13, "count": 2} rents numbers of a group directly
    POST /_sim/legacy/instances/expire    every instance handed out so far expires now
    GET  /_sim/legacy/secrets             the user authorizations and instance secrets handed out,
                                          so a test can check that none of them leaked into output

Like every /_sim/ endpoint: no auth, never logged, never faulted.
"""

from dataclasses import fields

from ..core.admin import PREFIX
from ..core.errors import invalid_argument
from .state import legacy_state
from ..core.router import Routes
from ..core.validation import Violations, is_int, is_number

ROUTES = Routes(PREFIX + "/legacy", auth=False)
SETTINGS = {
    "email": ("email", str),
    "password": ("password", str),
    "instanceTtl": ("instance_ttl", "non-negative"),
    "announceInstanceExpiry": ("announce_instance_expiry", bool),
    "reservationTtl": ("reservation_ttl", "non-negative"),
    "timestampWindow": ("timestamp_window", "non-negative"),
    "clockOffset": ("clock_offset", "number"),
    "credit": ("credit", "non-negative"),
    "accountingEnabled": ("accounting_enabled", bool),
    "applicationsDown": ("applications_down", int),
}


@ROUTES.route("GET", "/settings")
def get_settings(sim, _request):
    settings = legacy_state(sim).settings
    names = {attribute: name for name, (attribute, _kind) in SETTINGS.items()}
    return {names[item.name]: getattr(settings, item.name) for item in fields(settings) if item.name != "password"}


@ROUTES.route("POST", "/settings")
def update_settings(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, SETTINGS)
    for name, (_attribute, kind) in SETTINGS.items():
        if name in body and not _valid(body[name], kind):
            violations.add(name, f"must be {_describe(kind)}")
    violations.raise_if_any()
    settings = legacy_state(sim).settings
    for name, (attribute, _kind) in SETTINGS.items():
        if name in body:
            setattr(settings, attribute, body[name])
    return get_settings(sim, request)


def _valid(value, kind):
    if kind == "non-negative":
        return is_number(value) and value >= 0
    if kind == "number":
        return is_number(value)
    if kind is int:
        return is_int(value) and value >= 0
    if kind is str:
        return isinstance(value, str) and value != ""
    return isinstance(value, kind)


def _describe(kind):
    return {"non-negative": "a non-negative number", "number": "a number", int: "a non-negative integer",
            str: "a non-empty string", bool: "true or false"}[kind]


@ROUTES.route("GET", "/state")
def get_state(sim, _request):
    return legacy_state(sim).to_json()


@ROUTES.route("POST", "/applications")
def add_application(sim, request):
    body = request.json()
    key = body.get("applicationKey")
    if not isinstance(key, str) or not key or "/" in key:
        raise invalid_argument([("applicationKey", "must be a non-empty string without '/'")])
    state = legacy_state(sim)
    state.applications.add(key)
    return {"applications": sorted(state.applications)}


@ROUTES.route("POST", "/rented")
def add_rented(sim, request):
    body = request.json()
    state = legacy_state(sim)
    violations = Violations()
    violations.check_fields(body, ("groupId", "count"))
    group = state.groups.get(body.get("groupId")) if is_int(body.get("groupId")) else None
    if group is None:
        violations.add("groupId", f"must be one of {sorted(state.groups)}")
    count = body.get("count", 1)
    if not (is_int(count) and count >= 1):
        violations.add("count", "must be a positive integer")
    violations.raise_if_any()
    if count > len(group.available):
        raise invalid_argument([("count", f"group {group.group_id} has {len(group.available)} numbers left")])
    state.checkout([state.reserve(group, count)])
    return {"rented": [number.to_json() for number in state.rented_numbers()]}


@ROUTES.route("POST", "/instances/expire")
def expire_instances(sim, _request):
    state = legacy_state(sim)
    state.expire_instances()
    return {"expired": len(state.instances)}


@ROUTES.route("GET", "/secrets")
def get_secrets(sim, _request):
    state = legacy_state(sim)
    return {
        "authorizations": sorted(state.authorizations),
        "instanceSecrets": sorted(instance.secret for instance in state.instances.values()),
    }


register = ROUTES.register
