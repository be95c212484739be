"""State of the Imported Numbers and Hosting Orders API: per project, imported numbers, hosting
orders and qualified numbers.

It lives on the simulator's Store (attribute `imported`, made on first use), so that
Simulator.reset() discards it with everything else. Not thread-safe by itself: the server holds
its lock around every use.
"""

import secrets

from ..core.errors import existing
from .models import STEP_DONE, ImportedNumber

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def imported_store(sim):
    store = sim.store
    state = getattr(store, "imported", None)
    if state is None:
        state = store.imported = ImportedStore()
    return state


class ImportedStore:
    def __init__(self):
        self.projects = {}
        self._sequence = 0

    def project(self, project_id):
        return self.projects.setdefault(project_id, ImportedProject(project_id))

    def new_order_id(self, now):
        """26 lower-case Crockford base32 characters, ULID-like (as the spec's examples), increasing."""
        self._sequence += 1
        return _base32(int(now * 1000), 10) + _base32(self._sequence, 16)

    @staticmethod
    def new_code():
        """The code a voice challenge reads out."""
        return "%04d" % secrets.randbelow(10000)


class ImportedProject:
    def __init__(self, project_id):
        self.project_id = project_id
        self.numbers = {}
        # insertion order is creation order
        self.orders = {}
        self.qualified = {}

    # ------------------------------------------------------------ lookups
    def number(self, phone):
        return existing(self.numbers.get(phone), "ImportedNumber", phone,
                        f"Imported number {phone} not found in project {self.project_id}")

    def order(self, order_id):
        return existing(self.orders.get(order_id), "HostingOrder", order_id,
                        f"Hosting order {order_id} not found in project {self.project_id}")

    def qualified_number(self, phone):
        return existing(self.qualified.get(phone), "QualifiedNumber", phone,
                        f"Qualified number {phone} not found in project {self.project_id}")

    def remove_number(self, phone):
        self.number(phone)  # 404 when there is none
        del self.numbers[phone]

    def remove_qualified_number(self, phone):
        self.qualified_number(phone)  # 404 when there is none
        del self.qualified[phone]

    def numbers_in_open_orders(self, now):
        return {number.phone_number for order in self.orders.values() if not order.is_final(now)
                for number in order.numbers}

    # ------------------------------------------------------------ progress
    def settle(self, now):
        """Apply what completed orders do: their provisioned numbers become imported numbers."""
        for order in self.orders.values():
            if order.applied or not order.is_final(now):
                continue
            order.applied = True
            for number in order.numbers:
                if number.outcome("platform") != STEP_DONE:
                    continue
                imported = self.numbers.get(number.phone_number)
                if imported is None:
                    imported = self.numbers[number.phone_number] = ImportedNumber(
                        number.phone_number, self.project_id, order.region_code, callback_url=order.callback_url,
                        migrate_to_sinch_tmo=order.migrate_to_sinch_tmo)
                imported.service_plan_id = number.service_plan_id
                imported.campaign_id = number.campaign_id if number.outcome("campaign") == STEP_DONE else ""
                imported.sms_job = None


def _base32(value, width):
    chars = []
    for _position in range(width):
        value, digit = divmod(value, 32)
        chars.append(_CROCKFORD[digit])
    return "".join(reversed(chars))
