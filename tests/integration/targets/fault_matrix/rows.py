# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every write path of every module, as rows of the fault matrix.

A row makes, for one cell (a unique suffix), the tasks that prepare the resource, the write under
test, the fault rule's method and path, and the check that counts what exists afterwards: a Jinja
test over the registered `listing` that is true when there is exactly what the write wanted.
"""

NUM = "sinch.numbers."
US_LOCAL = {"region_codes": ["US"], "number_types": ["LOCAL"]}
APP_KEY = "bb7b4e39-4227-4913-8c81-2db4abb54fb3"
REGISTRATION_DETAILS = [{"sender_id_details": [{"senderId": None, "useCase": "Alerts"}],
                         "additional_details": [{"companyName": "ACME Ltd", "email": "uk@acme.example"}]}]


def task(module, args, register=None):
    item = {"name": "%s %s" % (module, args.get("state", "present")), NUM + module: args}
    if register:
        item["register"] = register
    return item


class Row:
    """One write path. make(cell, index) -> (setup tasks, write task args, check)."""

    def expected_writes(self, rule):
        """How many requests of (method, path) the write sends when the first of them meets the fault.

        Without a fault, `requests` (1, or 2 for an unlink-then-link). Refused before applying: one
        more (the refused one is sent again). Applied, then the answer lost: none more for a create
        or an update (the read-back finds it applied); one more for a removal (its retry answers
        404: removed).
        """
        if rule["mode"] == "before" or self.kind == "delete":
            return self.requests + 1
        return self.requests

    def __init__(self, name, module, method, path, kind, make, two_step=None, carry=(), requests=1):
        self.name = name
        self.module = module
        self.method = method
        self.path = path
        self.kind = kind  # create, update or delete
        self.make = make
        # ((method, path) of the first request, (method, path) of the second) of a two-step
        # operation: the process is killed between them (the kill column)
        self.two_step = two_step
        # variables the setup registers that the rerun after a kill needs too (the same number)
        self.carry = carry
        # write requests of (method, path) the write sends when nothing fails
        self.requests = requests


def _named_number(name, plan="plan-fm"):
    return {"display_name": name, "region_code": "US", "number_type": "LOCAL",
            "sms_configuration": {"service_plan_id": plan}}


def _one_named(name):
    return ("listing.numbers | selectattr('display_name', 'equalto', '%s') | list | length == 1"
            " and listing.numbers | selectattr('display_name', 'equalto', '') | list | length == 0" % name)


def number_rent(cell, index):
    name = "fm-rent-" + cell
    setup = [task("sinch_available_number_info", {"region_code": "US", "number_type": "LOCAL", "size": 1, "capabilities": ["SMS"],
                                                  "number_pattern": "+1206"}, register="offer")]
    args = {"phone_number": "{{ offer.available_numbers[0].phone_number }}", "display_name": name,
            "sms_configuration": {"service_plan_id": "plan-fm"}}
    return setup, args, ("sinch_number_info", US_LOCAL, _one_named(name))


def number_rent_any(cell, index):
    name = "fm-any-" + cell
    return [], _named_number(name), ("sinch_number_info", US_LOCAL, _one_named(name))


def number_update(cell, index):
    name = "fm-upd-" + cell
    setup = [task("sinch_number", _named_number(name))]
    return setup, _named_number(name, "plan-fm-2"), ("sinch_number_info", US_LOCAL, _one_named(name))


def number_release(cell, index):
    name = "fm-rel-" + cell
    setup = [task("sinch_number", _named_number(name))]
    args = dict(_named_number(name), state="absent")
    del args["sms_configuration"]
    check = "listing.numbers | selectattr('display_name', 'equalto', '%s') | list | length == 0" % name
    return setup, args, ("sinch_number_info", US_LOCAL, check)


def _imported(phone, name):
    return {"phone_number": phone, "region_code": "US", "display_name": name,
            "sms_configuration": {"service_plan_id": "plan-fm"}}


def _imported_count(phone, count):
    return ("sinch_imported_number_info", {"region_code": "US"},
            "listing.imported_numbers | selectattr('phone_number', 'equalto', '%s') | list | length == %d" % (
                phone, count))


def imported_create(cell, index):
    phone = "+1202556%04d" % index
    return [], _imported(phone, "fm-imp-" + cell), _imported_count(phone, 1)


def imported_update(cell, index):
    phone = "+1202557%04d" % index
    return ([task("sinch_imported_number", _imported(phone, "fm-imp-" + cell))],
            _imported(phone, "fm-imp2-" + cell), _imported_count(phone, 1))


def imported_relink(cell, index):
    # Another service plan: the number is unlinked from its plan, then linked to the new one (two PATCHes).
    phone = "+1202554%04d" % index
    args = _imported(phone, "fm-rl-" + cell)
    return ([task("sinch_imported_number", args)],
            dict(args, sms_configuration={"service_plan_id": "plan-fm-2"}), _imported_count(phone, 1))


def imported_delete(cell, index):
    phone = "+1202558%04d" % index
    return ([task("sinch_imported_number", _imported(phone, "fm-imp-" + cell))],
            {"phone_number": phone, "state": "absent"}, _imported_count(phone, 0))


def hosting_order(cell, index):
    name = "fm-order-" + cell
    args = {"display_name": name, "order_type": "import", "region_code": "US",
            "numbers": ["+1202559%04d" % index], "service_plan_id": "plan-fm"}
    return [], args, ("sinch_hosting_order_info", {"display_name": name},
                      "listing.hosting_orders | length == 1")


def _qualified_count(phone, count):
    return ("sinch_qualified_number_info", {},
            "listing.qualified_numbers | selectattr('phone_number', 'equalto', '%s') | list | length == %d" % (
                phone, count))


def qualified_add(cell, index):
    phone = "+1312556%04d" % index
    return [], {"phone_number": phone}, _qualified_count(phone, 1)


def qualified_delete(cell, index):
    phone = "+1312557%04d" % index
    return ([task("sinch_qualified_number", {"phone_number": phone})],
            {"phone_number": phone, "state": "absent"}, _qualified_count(phone, 0))


def _registration(sender, **extra):
    details = [dict(REGISTRATION_DETAILS[0], sender_id_details=[{"senderId": sender, "useCase": "Alerts"}])]
    args = {"policy_id": "pol-gb-alpha-1", "request_details": details}
    args.update(extra)
    return args


def _registration_count(sender, count):
    return ("sinch_registration_info", {"sender_id": sender},
            "listing.registrations | length == %d" % count)


def registration_create(cell, index):
    sender = "FMC%d" % index
    return [], _registration(sender), _registration_count(sender, 1)


# Written by matrix.py next to the playbooks (playbook_dir) before any cell runs.
ATTACHMENT_FILE = "fm-loa.pdf"


def _registration_with_loa(sender):
    return ("sinch_registration_info", {"sender_id": sender},
            "listing.registrations | length == 1"
            " and listing.registrations[0].attachments | map(attribute='attachment_id') | list == ['att-loa']")


def _with_loa(args):
    return dict(args, policy_id="pol-se-alpha-2",
                attachments=[{"id": "att-loa", "src": "{{ playbook_dir }}/%s" % ATTACHMENT_FILE}])


def registration_with_file(cell, index):
    # Two steps: the registration is filed, then the letter of authorization is uploaded to it.
    sender = "FMA%d" % index
    return [], _with_loa(_registration(sender)), _registration_with_loa(sender)


def registration_attach(cell, index):
    sender = "FMF%d" % index
    setup = [task("sinch_registration", dict(_registration(sender), policy_id="pol-se-alpha-2"))]
    return setup, _with_loa(_registration(sender)), _registration_with_loa(sender)


def registration_update(cell, index):
    sender = "FMU%d" % index
    return ([task("sinch_registration", _registration(sender))],
            _registration(sender, tags=["#fm-" + cell]), _registration_count(sender, 1))


def registration_delete(cell, index):
    sender = "FMD%d" % index
    return ([task("sinch_registration", _registration(sender))],
            {"policy_id": "pol-gb-alpha-1", "sender_id": sender, "state": "absent"}, _registration_count(sender, 0))


def callback(api):
    def make(cell, index):
        # The rerun (changed=0) is the check: the secret the run sent is the one set.
        return [], {"api": api, "hmac_secret": "fm-secret-%s-%d" % (cell, index)}, None
    return make


def legacy_checkout(cell, index):
    # Group 13 (San Francisco voice) starts with 2 rented numbers: cell k wants one more than cell k-1.
    args = {"group_id": 13, "count": 3 + index}
    return [], args, ("sinch_legacy_number_info", {"group_id": 13},
                      "listing.rented_numbers | length == %d" % (3 + index))


def _app_numbers(state, number):
    return {"application_key": APP_KEY, "numbers": [number], "state": state}


def _app_has(number, present):
    return ("sinch_legacy_number_info", {"application_key": APP_KEY},
            "('%s' in (listing.application_numbers | map(attribute='phone_number') | list)) == %s" % (
                number, present))


# Rented when the simulator starts, on no application.
APP_NUMBER = "+14150005550"


def app_assign(cell, index):
    number = APP_NUMBER
    return ([task("sinch_app_number", _app_numbers("absent", number))], _app_numbers("present", number),
            _app_has(number, True))


def app_remove(cell, index):
    number = APP_NUMBER
    return ([task("sinch_app_number", _app_numbers("present", number))], _app_numbers("absent", number),
            _app_has(number, False))


ROWS = [
    Row("sinch_number: rent a given number", "sinch_number", "POST", ":rent$", "create", number_rent,
        two_step=(("POST", ":rent$"), ("PATCH", "/activeNumbers/")), carry=("offer",)),
    Row("sinch_number: rent any number (rentAny)", "sinch_number", "POST", ":rentAny$", "create", number_rent_any,
        two_step=(("POST", ":rentAny$"), ("PATCH", "/activeNumbers/"))),
    Row("sinch_number: name the rented number (PATCH)", "sinch_number", "PATCH", "/activeNumbers/", "create",
        number_rent_any),
    Row("sinch_number: update (PATCH)", "sinch_number", "PATCH", "/activeNumbers/", "update", number_update),
    Row("sinch_number: release", "sinch_number", "POST", ":release$", "delete", number_release),
    Row("sinch_imported_number: import", "sinch_imported_number", "POST", "/importedNumbers$", "create",
        imported_create),
    Row("sinch_imported_number: update (PATCH)", "sinch_imported_number", "PATCH", "/importedNumbers/", "update",
        imported_update),
    Row("sinch_imported_number: move to another plan (unlink, then link: PATCH, PATCH)", "sinch_imported_number",
        "PATCH", "/importedNumbers/", "update", imported_relink, requests=2,
        two_step=(("PATCH", "/importedNumbers/"), ("PATCH", "/importedNumbers/"))),
    Row("sinch_imported_number: remove (DELETE)", "sinch_imported_number", "DELETE", "/importedNumbers/", "delete",
        imported_delete),
    Row("sinch_hosting_order: file an import order", "sinch_hosting_order", "POST", ":importNumbers$", "create",
        hosting_order),
    Row("sinch_qualified_number: add", "sinch_qualified_number", "POST", ":addNumbers$", "create", qualified_add),
    Row("sinch_qualified_number: remove (DELETE)", "sinch_qualified_number", "DELETE", "/qualifiedNumbers/",
        "delete", qualified_delete),
    Row("sinch_registration: file", "sinch_registration", "POST", "/registrations$", "create", registration_create),
    Row("sinch_registration: file with an attachment", "sinch_registration", "POST", "/registrations$", "create",
        registration_with_file, two_step=(("POST", "/registrations$"), ("POST", "/attachments/"))),
    Row("sinch_registration: attach a file (upload)", "sinch_registration", "POST", "/attachments/", "update",
        registration_attach),
    Row("sinch_registration: update (PUT)", "sinch_registration", "PUT", "/registrations/", "update",
        registration_update),
    Row("sinch_registration: delete", "sinch_registration", "DELETE", "/registrations/", "delete",
        registration_delete),
    Row("sinch_callback_config: Numbers API (PATCH)", "sinch_callback_config", "PATCH", "/callbackConfiguration",
        "update", callback("numbers")),
    Row("sinch_callback_config: registrations API (PUT)", "sinch_callback_config", "PUT", "/callback-configuration",
        "update", callback("registrations")),
    Row("sinch_legacy_number: reserve and check out", "sinch_legacy_number", "POST", "/numbers/shop$", "create",
        legacy_checkout, two_step=(("PUT", "/numbers/shop$"), ("POST", "/numbers/shop$"))),
    Row("sinch_app_number: assign (PUT)", "sinch_app_number", "PUT", "/v1/applications/", "update", app_assign),
    Row("sinch_app_number: remove (DELETE)", "sinch_app_number", "DELETE", "/v1/applications/", "delete",
        app_remove),
]

FAULTS = [
    ("applied, then 500", {"mode": "after", "status": 500}),
    ("applied, then 503", {"mode": "after", "status": 503}),
    ("applied, then dropped", {"mode": "after", "drop": True}),
    ("refused with 500", {"mode": "before", "status": 500}),
]
