"""Number plans and the deterministic pool of available numbers seeded at start and reset."""

from dataclasses import dataclass

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


# Fictional or drama ranges where the regulators publish them (Ofcom 07700 900xxx, ...).
PLANS = {
    ("US", "LOCAL"): NumberPlan("+1206", 7, 5550100, 2000000, "USD", "0.00", "1.00"),
    ("US", "MOBILE"): NumberPlan("+1415", 7, 5550100, 3000000, "USD", "0.00", "2.00"),
    ("US", "TOLL_FREE"): NumberPlan("+1833", 7, 5550100, 2000000, "USD", "0.00", "2.50"),
    ("GB", "LOCAL"): NumberPlan("+4420", 8, 79460100, 30000000, "EUR", "0.00", "1.20"),
    ("GB", "MOBILE"): NumberPlan("+447", 9, 700900100, 400000000, "EUR", "0.00", "2.00"),
    ("GB", "TOLL_FREE"): NumberPlan("+44808", 7, 1570100, 2000000, "EUR", "5.00", "3.00"),
    ("SE", "LOCAL"): NumberPlan("+468", 7, 4650100, 5000000, "EUR", "0.00", "1.50"),
    ("SE", "MOBILE"): NumberPlan("+4670", 7, 1740605, 2000000, "EUR", "0.00", "2.50"),
    ("SE", "TOLL_FREE"): NumberPlan("+4620", 6, 123100, 500000, "EUR", "5.00", "3.50"),
    ("DE", "LOCAL"): NumberPlan("+4930", 8, 23125100, 40000000, "EUR", "0.00", "1.00"),
    ("DE", "MOBILE"): NumberPlan("+49151", 8, 99990100, 20000000, "EUR", "0.00", "2.00"),
    ("DE", "TOLL_FREE"): NumberPlan("+49800", 7, 1234100, 5000000, "EUR", "5.00", "3.00"),
}


def pool_numbers():
    """(phone, region, type, capability) for every number of the initial pool."""
    for (region, number_type), plan in PLANS.items():
        for index in range(POOL_SIZE):
            capability = CAPABILITY_CYCLE[index % len(CAPABILITY_CYCLE)]
            yield plan.number(plan.pool_start + index), region, number_type, capability
