"""Settings and the in-memory store: projects, the pool of available numbers, active numbers.

Not thread-safe by itself: the server holds its lock around every use.
"""

from bisect import bisect_left, insort
from dataclasses import dataclass

from .errors import existing, invalid_argument
from ..numbers.models import ActiveNumber, AvailableNumber
from ..numbers.pool import PLANS, pool_numbers


@dataclass
class Settings:
    project_id: str = "demo-project"
    key_id: str = "demo-key"
    key_secret: str = "demo-secret"
    provisioning_delay: float = 2.0
    token_ttl: float = 3600
    # Seconds every API request waits before it is handled (not /_sim/): a real API's round trip.
    latency: float = 0.0


class SortedIndex:
    """Buckets of keys kept sorted, e.g. (regionCode, type) -> sorted phone numbers."""

    def __init__(self):
        self._buckets = {}

    def get(self, key):
        return self._buckets.get(key, [])

    def add(self, key, item):
        insort(self._buckets.setdefault(key, []), item)

    def add_many(self, key, items):
        bucket = self._buckets.setdefault(key, [])
        bucket.extend(items)
        bucket.sort()

    def remove(self, key, item):
        bucket = self._buckets.get(key, [])
        position = bisect_left(bucket, item)
        if position < len(bucket) and bucket[position] == item:
            del bucket[position]


class Project:
    def __init__(self, project_id):
        self.project_id = project_id
        self.numbers = {}
        self.index = SortedIndex()

    def get(self, phone):
        return existing(self.numbers.get(phone), "ActiveNumber", phone,
                        f"Active number {phone} not found in project {self.project_id}")

    def bucket(self, region_code, number_type):
        """Phone numbers of one (region, type), sorted."""
        return self.index.get((region_code, number_type))

    def add_many(self, numbers):
        by_bucket = {}
        for number in numbers:
            self.numbers[number.phone_number] = number
            by_bucket.setdefault(_bucket_key(number.offer), []).append(number.phone_number)
        for key, phones in by_bucket.items():
            self.index.add_many(key, phones)

    def remove(self, phone):
        number = self.get(phone)
        del self.numbers[phone]
        self.index.remove(_bucket_key(number.offer), phone)
        return number


class Store:
    def __init__(self, project_id):
        self.projects = {}
        self.available = {}
        self.available_index = SortedIndex()
        self.region_types = {}
        self.owners = {}
        self._seed_counters = {}
        self.add_project(project_id)
        self._seed_pool()

    def project(self, project_id):
        return existing(self.projects.get(project_id), "Project", project_id, f"Project {project_id} not found")

    def add_project(self, project_id):
        return self.projects.setdefault(project_id, Project(project_id))

    def available_bucket(self, region_code, number_type):
        return self.available_index.get((region_code, number_type))

    def get_available(self, phone):
        return existing(self.available.get(phone), "AvailableNumber", phone, f"Number {phone} is not available")

    def add_available(self, offers):
        for offer in offers:
            self.available[offer.phone_number] = offer
            self.available_index.add(_bucket_key(offer), offer.phone_number)
            self.region_types.setdefault(offer.region_code, set()).add(offer.number_type)

    def activate(self, project, offer, now):
        """Move an available number into the project."""
        del self.available[offer.phone_number]
        self.available_index.remove(_bucket_key(offer), offer.phone_number)
        number = ActiveNumber(offer=offer, project_id=project.project_id, rented_at=now)
        project.add_many([number])
        self.owners[offer.phone_number] = project.project_id
        return number

    def release(self, project, phone):
        """Move an active number back into the pool of available numbers."""
        number = project.remove(phone)
        del self.owners[phone]
        self.add_available([number.offer])
        return number

    def new_offers(self, region_code, number_type, capability, count):
        """`count` new numbers from the region's number plan, unused anywhere."""
        plan = PLANS.get((region_code, number_type))
        if plan is None:
            raise invalid_argument([("regionCode", f"the simulator has no number plan for {region_code} {number_type}")])
        counter = self._seed_counters.get((region_code, number_type), plan.seed_start)
        limit = 10 ** plan.width
        offers = []
        while len(offers) < count:
            if counter >= limit:
                raise invalid_argument([("count", f"the {region_code} {number_type} number plan is exhausted")])
            phone = plan.number(counter)
            counter += 1
            if phone in self.available or phone in self.owners:
                continue
            offers.append(AvailableNumber(phone, region_code, number_type, tuple(capability), plan.currency,
                                          plan.setup_price, plan.monthly_price))
        self._seed_counters[(region_code, number_type)] = counter
        return offers

    def add_active(self, project, numbers):
        """Put ready-made active numbers straight into a project (admin seeding)."""
        project.add_many(numbers)
        for number in numbers:
            self.owners[number.phone_number] = project.project_id

    def _seed_pool(self):
        offers = []
        for phone, region, number_type, capability in pool_numbers():
            plan = PLANS[(region, number_type)]
            offers.append(AvailableNumber(phone, region, number_type, capability, plan.currency,
                                          plan.setup_price, plan.monthly_price))
        self.add_available(offers)


def _bucket_key(offer):
    return (offer.region_code, offer.number_type)
