"""State of the legacy number administration endpoints.

One dashboard account with its organisation, the number shop (groups holding concrete
numbers), reservations that expire, rented numbers, the applications numbers are assigned
to, and the user authorizations and instances handed out at log-in.

Kept on the Store as sim.store.legacy (created on first use), so /_sim/reset clears it with
everything else. Not thread-safe by itself: the server holds its lock around every use.
"""

import base64
import json
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

DEFAULT_EMAIL = "demo@example.com"
DEFAULT_PASSWORD = "demo-dashboard-password"
# The number administration key of the document: the only key accepted at log-in.
NUMBER_ADMINISTRATION_KEY = "669762D5-2B10-44E0-8418-BC9EE4457555"
ORGANISATION = {
    "id": 8888123,
    "name": "Acme",
    "website": "http://www.example.com",
    "countryId": "US",
    "phone": "+12055500000",
    "vatnumber": "US0000000",
}
# The document's example application key, and a second one.
APPLICATIONS = ("bb7b4e39-4227-4913-8c81-2db4abb54fb3", "5a0c6e0e-52b5-4e1b-9a37-4b8e3f7c1d20")
USER_AUTHORIZATION_TTL = 86400.0


@dataclass
class Group:
    group_id: int
    country: str
    country_id: str
    city: str
    type: str
    area_code: str
    amount: float
    available: list

    def to_json(self):
        return {
            "groupId": self.group_id,
            "country": self.country,
            "countryId": self.country_id,
            "city": self.city,
            "type": self.type,
            "availability": len(self.available),
            "areaCode": self.area_code,
            "cost": {"amount": self.amount, "currencyId": "USD"},
        }


# (groupId, country, countryId, city, type, areaCode, price, first free number, how many)
SHOP = (
    (1, "France", "FR", "PARIS", "Voice", "01", 2.00, 33140000100, 7),
    (2, "UK", "GB", "LONDON", "Voice", "020", 2.00, 442070000100, 2),
    (13, "US", "US", "SAN FRANCISCO", "Voice", "415", 2.00, 14150005552, 10),
    (14, "US", "US", "SAN FRANCISCO", "Sms", "415", 2.50, 14150007000, 3),
    (20, "Sweden", "SE", "STOCKHOLM", "Voice", "08", 3.00, 46850000100, 4),
    (75, "US", "US", "New Orleans", "Sms", "504", 2.00, 15045550101, 5),
)
# (number, groupId, applicationKey or None): rented when the simulator starts.
RENTED = (
    (14150005550, 13, None),
    (14150005551, 13, APPLICATIONS[0]),
    (15045550100, 75, None),
)


@dataclass
class RentedNumber:
    number: int
    group: Group
    expires: str
    application_key: str = None

    @property
    def capability(self):
        return self.group.type.lower()

    def to_json(self):
        body = {
            "number": self.number,
            "groupId": self.group.group_id,
            "capabilities": [self.capability],
            "countryId": self.group.country_id,
            "city": self.group.city,
            "country": self.group.country,
            "areaCode": self.group.area_code,
            "expires": self.expires,
            "cost": {"amount": self.group.amount, "currencyId": "USD"},
        }
        # As in the document's examples: only numbers on an application carry its key.
        if self.application_key:
            body["applicationKey"] = self.application_key
        return body


@dataclass
class Reservation:
    reference_id: str
    group: Group
    numbers: list
    expires_at: float


@dataclass
class Instance:
    instance_id: str
    secret: str
    expires_at: float


@dataclass
class LegacySettings:
    """What tests change through /_sim/legacy/settings (names there are camelCase)."""

    email: str = DEFAULT_EMAIL
    password: str = DEFAULT_PASSWORD
    instance_ttl: float = 172800.0
    # expiresIn is optional ("integer?"): False leaves it out of the instance answer.
    announce_instance_expiry: bool = True
    reservation_ttl: float = 600.0
    # How far X-Timestamp may be from the server's clock, and a skew of that clock.
    timestamp_window: float = 900.0
    clock_offset: float = 0.0
    credit: float = 100.0
    accounting_enabled: bool = True
    # The next N application requests answer 503 TemporaryDown (50300).
    applications_down: int = 0


@dataclass
class LegacyState:
    settings: LegacySettings = field(default_factory=LegacySettings)
    organisation: dict = field(default_factory=lambda: dict(ORGANISATION))
    groups: dict = field(default_factory=dict)
    rented: dict = field(default_factory=dict)
    applications: set = field(default_factory=lambda: set(APPLICATIONS))
    reservations: dict = field(default_factory=dict)
    authorizations: dict = field(default_factory=dict)
    instances: dict = field(default_factory=dict)

    def __post_init__(self):
        for group_id, country, country_id, city, kind, area, amount, first, count in SHOP:
            self.groups[group_id] = Group(group_id, country, country_id, city, kind, area, amount,
                                          list(range(first, first + count)))
        for number, group_id, key in RENTED:
            self.rented[number] = RentedNumber(number, self.groups[group_id], _expiry(time.time()), key)

    # -- clock --------------------------------------------------------------

    def now(self):
        """The server's clock, skewed by clock_offset."""
        return time.time() + self.settings.clock_offset

    # -- sessions -----------------------------------------------------------

    def issue_authorization(self, email):
        payload = {
            "applicationKey": NUMBER_ADMINISTRATION_KEY,
            "identity": {"type": "email", "endpoint": email},
            "created": datetime.now(timezone.utc).isoformat(),
        }
        token = "%s:%s" % (base64.b64encode(json.dumps(payload).encode()).decode(),
                           base64.b64encode(secrets.token_bytes(32)).decode())
        self.authorizations[token] = self.now() + USER_AUTHORIZATION_TTL
        return token

    def authorization_valid(self, token):
        expires = self.authorizations.get(token)
        return expires is not None and self.now() < expires

    def create_instance(self):
        instance = Instance(str(uuid.uuid4()), base64.b64encode(secrets.token_bytes(16)).decode(),
                            self.now() + self.settings.instance_ttl)
        self.instances[instance.instance_id] = instance
        return instance

    def expire_instances(self):
        for instance in self.instances.values():
            instance.expires_at = self.now() - 1

    # -- shop ---------------------------------------------------------------

    def purge_reservations(self):
        """Expired reservations give their numbers back to their group."""
        now = self.now()
        for reference_id, reservation in list(self.reservations.items()):
            if reservation.expires_at <= now:
                reservation.group.available = sorted(reservation.group.available + reservation.numbers)
                del self.reservations[reference_id]

    def reserve(self, group, quantity):
        reservation = Reservation(str(uuid.uuid4()), group, group.available[:quantity],
                                  self.now() + self.settings.reservation_ttl)
        del group.available[:quantity]
        self.reservations[reservation.reference_id] = reservation
        return reservation

    def checkout(self, reservations):
        for reservation in reservations:
            for number in reservation.numbers:
                self.rented[number] = RentedNumber(number, reservation.group, _expiry(self.now()))
            del self.reservations[reservation.reference_id]

    def rented_numbers(self):
        return [self.rented[number] for number in sorted(self.rented)]

    def application_numbers(self, key):
        return [number for number in self.rented_numbers() if number.application_key == key]

    def to_json(self):
        """Everything, for /_sim/legacy/state (no secrets)."""
        now = self.now()
        return {
            "organisation": self.organisation,
            "credit": self.settings.credit,
            "groups": [group.to_json() for group in self.groups.values()],
            "rented": [number.to_json() for number in self.rented_numbers()],
            "applications": sorted(self.applications),
            "reservations": [
                {"referenceId": r.reference_id, "groupId": r.group.group_id, "numbers": r.numbers,
                 "expiresIn": round(r.expires_at - now, 3)}
                for r in self.reservations.values()
            ],
            "instances": len(self.instances),
        }


def legacy_state(sim):
    """The legacy state of the simulator's current Store (a reset Store starts a fresh one)."""
    state = getattr(sim.store, "legacy", None)
    if state is None:
        state = LegacyState()
        sim.store.legacy = state
    state.purge_reservations()
    return state


def _expiry(now):
    """A rented number is paid until a month from now."""
    return (datetime.fromtimestamp(now, timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
