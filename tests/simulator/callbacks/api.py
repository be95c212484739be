"""Callback configuration of the Numbers API: GET/PATCH /v1/projects/{projectId}/callbackConfiguration.

Documented only in specs/imported-numbers-hosting-orders.yaml; the official SDKs call it on
the Numbers API, and the two share one HMAC secret per project (DESIGN.md §10). The simulator
serves every API on one port, so the one route serves both. The registrations API has its own
callback configuration (registrations/api.py).

A project without a secret answers without hmacSecret. How a set secret is shown is a
simulator setting (POST /_sim/callbacks/settings {"secretVisibility": "clear" | "masked"}):
"clear" is what the specs describe; "masked" answers "********" instead, to exercise clients
that must cope with an API that does not reveal the secret.
"""

import weakref

from ..core.admin import PREFIX
from ..core.router import Routes
from ..core.validation import Violations

VISIBILITIES = ("clear", "masked")
MASK = "********"
UPDATE_FIELDS = ("hmacSecret",)
API_ROUTES = Routes("/v1/projects/{projectId}")
ADMIN_ROUTES = Routes(PREFIX + "/callbacks", auth=False)


class CallbackState:
    def __init__(self):
        self.visibility = "clear"
        self.secrets = {}


_STATES = weakref.WeakKeyDictionary()


def state_of(sim):
    state = _STATES.get(sim.store)
    if state is None:
        state = _STATES[sim.store] = CallbackState()
    return state


def configuration_json(sim, project_id, secret):
    """The CallbackConfiguration answer, shown as the visibility setting says."""
    body = {"projectId": project_id}
    if secret:
        body["hmacSecret"] = secret if state_of(sim).visibility == "clear" else MASK
    return body


def parse_secret(body, violations):
    """The hmacSecret of an update body (never echoed in an error)."""
    violations.check_fields(body, UPDATE_FIELDS)
    secret = body.get("hmacSecret")
    if not isinstance(secret, str) or not secret.strip():
        violations.add("hmacSecret", "must be a non-empty string")
    return secret


def configuration_handlers(secrets_state_of):
    """GET and update handlers of a callback configuration whose secrets secrets_state_of(sim) keeps."""

    def get_configuration(sim, request):
        project_id = request.params["projectId"]
        return configuration_json(sim, project_id, secrets_state_of(sim).secrets.get(project_id))

    def update_configuration(sim, request):
        violations = Violations()
        secret = parse_secret(request.json(), violations)
        violations.raise_if_any()
        project_id = request.params["projectId"]
        secrets_state_of(sim).secrets[project_id] = secret
        return configuration_json(sim, project_id, secret)

    return get_configuration, update_configuration


get_configuration, update_configuration = configuration_handlers(state_of)
API_ROUTES.add("GET", "/callbackConfiguration", get_configuration)
API_ROUTES.add("PATCH", "/callbackConfiguration", update_configuration)


@ADMIN_ROUTES.route("GET", "/settings")
def get_settings(sim, _request):
    return {"secretVisibility": state_of(sim).visibility}


@ADMIN_ROUTES.route("POST", "/settings")
def update_settings(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("secretVisibility",))
    if body.get("secretVisibility") not in VISIBILITIES:
        violations.add("secretVisibility", f"must be one of {', '.join(VISIBILITIES)}")
    violations.raise_if_any()
    state_of(sim).visibility = body["secretVisibility"]
    return get_settings(sim, request)


def register(router):
    API_ROUTES.register(router)
    ADMIN_ROUTES.register(router)
