"""The /_sim/ admin endpoints: no auth, never logged, never faulted."""

from ..numbers.models import ActiveNumber, empty_sms, voice_config
from ..numbers.config import parse_sms, parse_voice
from ..numbers.params import capabilities, number_type, region_code
from ..numbers.seeding import EXTRA_FIELDS, apply_extras, parse_extras
from .router import Routes
from .validation import Violations, is_int, is_number

PREFIX = "/_sim"
MAX_SEED = 100000
SEED_AVAILABLE_FIELDS = ("projectId", "count", "regionCode", "type", "capability")
SEED_ACTIVE_FIELDS = SEED_AVAILABLE_FIELDS + ("displayNamePrefix", "smsConfiguration", "voiceConfiguration",
                                              "callbackUrl") + EXTRA_FIELDS
SETTINGS_FIELDS = {"provisioningDelay": "provisioning_delay", "tokenTtl": "token_ttl", "latency": "latency"}
ROUTES = Routes(PREFIX, auth=False)


@ROUTES.route("GET", "/health")
def health(_sim, _request):
    return {"status": "ok"}


ROUTES.clearable("/requests", "requests", lambda sim: list(sim.log.entries), lambda sim: sim.log.clear())


@ROUTES.route("POST", "/reset")
def reset(sim, _request):
    sim.reset()
    return {"status": "reset"}


@ROUTES.route("GET", "/tokens")
def list_tokens(sim, _request):
    return {"tokens": sim.tokens.issued()}


ROUTES.clearable("/faults", "rules", lambda sim: [rule.to_json() for rule in sim.faults.rules],
                 lambda sim: sim.faults.clear())


@ROUTES.route("POST", "/faults")
def add_faults(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("rules", "seed"))
    violations.raise_if_any()
    added = sim.faults.add(body.get("rules", []), seed=body.get("seed"))
    return {"rules": [rule.to_json() for rule in added]}


@ROUTES.route("GET", "/settings")
def get_settings(sim, _request):
    return _settings_json(sim.settings)


@ROUTES.route("POST", "/settings")
def update_settings(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, SETTINGS_FIELDS)
    for name in SETTINGS_FIELDS:
        if name in body and not (is_number(body[name]) and body[name] >= 0):
            violations.add(name, "must be a non-negative number of seconds")
    violations.raise_if_any()
    for name, attribute in SETTINGS_FIELDS.items():
        if name in body:
            setattr(sim.settings, attribute, body[name])
    return _settings_json(sim.settings)


@ROUTES.route("GET", "/projects")
def list_projects(sim, _request):
    return {"projects": sorted(sim.store.projects)}


@ROUTES.route("POST", "/projects")
def add_project(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("projectId",))
    project_id = body.get("projectId")
    if not isinstance(project_id, str) or not project_id or "/" in project_id or ":" in project_id:
        violations.add("projectId", "must be a non-empty string without '/' or ':'")
    violations.raise_if_any()
    sim.store.add_project(project_id)
    return list_projects(sim, request)


@ROUTES.route("POST", "/seed/available")
def seed_available(sim, request):
    body = request.json()
    violations = Violations()
    count, region, kind, capability = _seed_basics(body, SEED_AVAILABLE_FIELDS, violations)
    violations.raise_if_any()
    offers = sim.store.new_offers(region, kind, capability, count)
    sim.store.add_available(offers)
    return {"created": len(offers)}


@ROUTES.route("POST", "/seed/active")
def seed_active(sim, request):
    """Active numbers straight into a project; their configuration applies at once."""
    body = request.json()
    violations = Violations()
    count, region, kind, capability = _seed_basics(body, SEED_ACTIVE_FIELDS, violations)
    prefix = violations.optional_string(body, "displayNamePrefix") or ""
    callback_url = violations.optional_string(body, "callbackUrl") or ""
    sms = parse_sms(body["smsConfiguration"], "smsConfiguration", violations) if body.get("smsConfiguration") else None
    voice = parse_voice(body["voiceConfiguration"], "voiceConfiguration", violations) if body.get("voiceConfiguration") else None
    extras = parse_extras(body, violations)
    violations.raise_if_any()
    project = sim.store.project(body.get("projectId") or sim.settings.project_id)
    now = sim.now()
    width = len(str(count))
    numbers = [
        ActiveNumber(
            offer=offer,
            project_id=project.project_id,
            rented_at=now,
            display_name=f"{prefix}{index:0{width}d}" if prefix else "",
            callback_url=callback_url,
            sms=dict(sms) if sms else empty_sms(),
            voice=dict(voice) if voice else voice_config(),
            voice_updated_at=now if voice else None,
        )
        for index, offer in enumerate(sim.store.new_offers(region, kind, capability, count), start=1)
    ]
    for number in numbers:
        apply_extras(number.offer, number, extras, now)
    sim.store.add_active(project, numbers)
    return {"created": len(numbers)}


def _seed_basics(body, fields, violations):
    """What every seeding body has: (count, region, type, capabilities); no field outside `fields`."""
    violations.check_fields(body, fields)
    count = body.get("count")
    if not (is_int(count) and 1 <= count <= MAX_SEED):
        violations.add("count", f"must be an integer from 1 to {MAX_SEED}")
    region = region_code(body.get("regionCode", "US"), "regionCode", violations)
    kind = number_type(body.get("type", "LOCAL"), "type", violations)
    capability = body.get("capability", ["SMS", "VOICE"])
    if not isinstance(capability, list) or not capability:
        violations.add("capability", "must be a non-empty list")
        capability = []
    capabilities(capability, "capability", violations)
    return count, region, kind, capability


def _settings_json(settings):
    return {
        "provisioningDelay": settings.provisioning_delay,
        "tokenTtl": settings.token_ttl,
        "latency": settings.latency,
        "projectId": settings.project_id,
        "keyId": settings.key_id,
    }


register = ROUTES.register
