"""Number plans and the deterministic pool of available numbers seeded at start and reset."""

import json
from dataclasses import dataclass
from pathlib import Path

REGION_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "SE": "Sweden",
    "DE": "Germany",
}
NUMBER_TYPES = ("MOBILE", "LOCAL", "TOLL_FREE")
CAPABILITIES = ("SMS", "VOICE")
POOL_SIZE = 40
CAPABILITY_CYCLE = (("SMS", "VOICE"), ("SMS",), ("VOICE",))


@dataclass(frozen=True)
class NumberPlan:
    """prefix + a `width`-digit counter. The pool counts up from pool_start, admin
    seeding from seed_start, so seeded numbers never collide with the pool."""

    prefix: str
    width: int
    pool_start: int
    seed_start: int
    currency: str
    setup_price: str
    monthly_price: str

    def number(self, counter):
        return f"{self.prefix}{counter:0{self.width}d}"


def _load_plans():
    """{(region, type): NumberPlan} from plans.json: fictional or drama ranges where the regulators
    publish them (Ofcom 07700 900xxx, ...)."""
    plans = {}
    for entry in json.loads((Path(__file__).parent / "plans.json").read_text(encoding="utf-8")):
        key = (entry.pop("region"), entry.pop("type"))
        plans[key] = NumberPlan(**entry)
    return plans


PLANS = _load_plans()


def pool_numbers():
    """(phone, region, type, capability) for every number of the initial pool."""
    for (region, number_type), plan in PLANS.items():
        for index in range(POOL_SIZE):
            capability = CAPABILITY_CYCLE[index % len(CAPABILITY_CYCLE)]
            yield plan.number(plan.pool_start + index), region, number_type, capability
