"""Admin endpoint of the hosting orders (no auth, never logged, never faulted).

POST /_sim/imported/hostingOrders/{hostingOrderId}/timing {"ageSeconds", "delaySeconds"?}:
the order was filed `ageSeconds` ago and completes `delaySeconds` after filing (default: as
before). An order older than its delay is final; one younger stays open, so a test can make an
order that is stuck (not final after a given age).
"""

from ..core.validation import Violations, is_number
from .state import imported_store

ADMIN_TIMING = "/_sim/imported/hostingOrders/{hostingOrderId}/timing"


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


def register(router):
    router.add("POST", ADMIN_TIMING, set_order_timing, auth=False)
