"""Admin endpoints of the imported numbers API (no auth, never logged, never faulted): the one of the
hosting orders below, and GET /_sim/imported/voiceChallenges/{phoneNumber} (declared in api.py).

POST /_sim/imported/hostingOrders/{hostingOrderId}/timing {"ageSeconds", "delaySeconds"?}:
the order was filed `ageSeconds` ago and completes `delaySeconds` after filing (default: as
before). An order older than its delay is final; one younger stays open, so a test can make an
order that is stuck (not final after a given age).
"""

from ..core.admin import PREFIX
from ..core.router import Routes
from ..core.validation import Violations, is_number
from .state import imported_store

ROUTES = Routes(PREFIX + "/imported", auth=False)


@ROUTES.route("POST", "/hostingOrders/{hostingOrderId}/timing")
def set_order_timing(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("projectId", "ageSeconds", "delaySeconds"))
    for name in ("ageSeconds", "delaySeconds"):
        if (name in body or name == "ageSeconds") and not (is_number(body.get(name)) and body[name] >= 0):
            violations.add(name, "must be a non-negative number of seconds")
    violations.raise_if_any()
    project = imported_store(sim).project(body.get("projectId") or sim.settings.project_id)
    order = project.order(request.params["hostingOrderId"])
    now = sim.now()
    order.created_at = now - body["ageSeconds"]
    order.delay = body.get("delaySeconds", order.delay)
    project.settle(now)
    return order.to_json(now)


register = ROUTES.register
