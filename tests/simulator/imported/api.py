"""The Imported Numbers and Hosting Orders API (specs/imported-numbers-hosting-orders.yaml),
without its callbackConfiguration paths (see the callback configuration API module).

Choices where the spec is silent or contradicts itself, each noted where it is handled:
- the list filters the spec marks required (servicePlanId, campaignId, states, type) are optional;
- PATCH importedNumbers honours updateMask for displayName, callbackUrl and both SMS links, and
  refuses to link a number that is still linked to another service plan or campaign;
- orders progress on the clock (SUBMITTED, WAITING_FOR_LOA_SIGNATURE for a direct or reseller LOA,
  IN_PROGRESS, then COMPLETED or REJECTED after the provisioning delay); a service plan or campaign
  id starting with "fail" makes that step fail (REJECTED when no number was provisioned);
- numbers of a completed order become imported numbers;
- qualified numbers outside +1 (US, CA) are not eligible; the code of a voice challenge is read
  from GET /_sim/imported/voiceChallenges/{phoneNumber}; three wrong codes block the number.
"""

from . import admin, params
from ..numbers.params import number_matcher, size
from ..core.errors import ApiError, invalid_argument, not_found
from .models import (
    G,
    SINCH_NNID,
    HostingOrder,
    ImportedNumber,
    OrderNumber,
    QualifiedNumber,
)
from .state import imported_store
from ..core.paging import count_matching, decode_token, encode_token, take_page
from ..core.validation import Violations
from ..core.router import FLAT, Routes

# The spec's ErrorResponse is flat: {"code": "404", "message": ..., "status": "NOT_FOUND"}.
API_ROUTES = Routes("/v1/projects/{projectId}", errors=FLAT)
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
# Our bound for one addNumbers call (the spec states none).
ADD_QUALIFIED_LIMIT = 500
TOLL_FREE_AREA_CODES = ("800", "833", "844", "855", "866", "877", "888")
CANADIAN_AREA_CODES = frozenset((
    "204", "226", "236", "249", "250", "263", "289", "306", "343", "354", "365", "367", "368", "382", "403",
    "416", "418", "428", "431", "437", "438", "450", "468", "474", "506", "514", "519", "548", "579", "581",
    "584", "587", "604", "613", "639", "647", "672", "683", "705", "709", "742", "753", "778", "780", "782",
    "807", "819", "825", "867", "873", "879", "902", "905",
))
# orderBy -> (sort key, a key of that shape for page tokens), per listing.
NUMBER_ORDERINGS = {
    "phoneNumber": (lambda number: number.phone_number, ""),
    "displayName": (lambda number: [number.display_name, number.phone_number], ["", ""]),
}
ORDER_ORDERINGS = {"createdTime": (lambda order: order.order_id, "")}
PHONE_ORDERINGS = {"phoneNumber": (lambda number: number.phone_number, "")}
VERIFIABLE = (G + "VERIFICATION_PENDING", G + "VERIFICATION_FAILED")
CHALLENGEABLE = (G + "ELIGIBLE",) + VERIFIABLE
PROVEN = (G + "VERIFIED", G + "HOSTING_IN_PROGRESS", G + "HOSTING_DONE", G + "HOSTING_FAILED")
TEXT_ENABLEABLE = (G + "VERIFIED", G + "HOSTING_FAILED")


def _project(sim, request):
    """This project's state, with what completed orders do applied; and the time."""
    now = sim.now()
    project = imported_store(sim).project(request.params["projectId"])
    project.settle(now)
    return project, now


def _listing(request, field, items, to_json, orderings, default_order, violations, matches):
    """A listing's answer: `field` (one page of `items` in the requested order, each through to_json),
    nextPageToken and totalSize."""
    page_size = size(request.arg("pageSize"), "pageSize", DEFAULT_PAGE_SIZE, violations, maximum=MAX_PAGE_SIZE)
    order_by = request.arg("orderBy") or default_order
    if order_by not in orderings:
        violations.add("orderBy", f"must be one of {', '.join(orderings)}")
    violations.raise_if_any()
    key_of, example_key = orderings[order_by]
    items = sorted(items, key=key_of)
    given = request.arg("pageToken")
    cursor = decode_token(given, order_by, example_key) if given else None
    page, has_more = take_page(items, key_of, cursor, page_size, matches)
    next_token = encode_token(order_by, key_of(page[-1])) if has_more else ""
    total = count_matching(items, matches)
    return {field: [to_json(item) for item in page], "nextPageToken": next_token, "totalSize": total}


def _reader(lookup, parameter, answer="to_json"):
    """A GET handler: project.<lookup>(the path parameter).<answer>(now)."""

    def read(sim, request):
        project, now = _project(sim, request)
        item = getattr(project, lookup)(request.params[parameter])
        return getattr(item, answer)(now)

    return read


def _remover(remove):
    """A DELETE handler: project.<remove>(the phoneNumber path parameter); answers {}."""

    def delete(sim, request):
        project, _now = _project(sim, request)
        getattr(project, remove)(request.params["phoneNumber"])
        return {}

    return delete


def _already_exists(message):
    return ApiError(409, message, status="ALREADY_EXISTS")


def _region_of(phone):
    if not phone.startswith("+1"):
        return ""
    return "CA" if phone[2:5] in CANADIAN_AREA_CODES else "US"


# ---------------------------------------------------------------- imported numbers
@API_ROUTES.route("GET", "/importedNumbers")
def list_imported_numbers(sim, request):
    violations = Violations()
    region = params.one_of(request.arg("regionCode"), "regionCode", params.HOSTING_REGIONS, violations)
    matches_phone = number_matcher(request.arg("numberPattern.pattern"), request.arg("numberPattern.searchPattern"),
                                   "numberPattern", violations)
    # The spec marks servicePlanId and campaignId required, yet the operation "lists all imported
    # numbers for the project" (and defines optional variants of both): optional filters here.
    plan, campaign = request.arg("servicePlanId"), request.arg("campaignId")

    def matches(number):
        return ((region is None or number.region_code == region)
                and (matches_phone is None or matches_phone(number.phone_number))
                and (plan is None or number.service_plan_id == plan)
                and (campaign is None or number.campaign_id == campaign))

    project, now = _project(sim, request)
    return _listing(request, "importedNumbers", project.numbers.values(), lambda number: number.to_json(now),
                    NUMBER_ORDERINGS, "phoneNumber", violations, matches)


@API_ROUTES.route("POST", "/importedNumbers")
def import_number(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, params.CREATE_NUMBER_FIELDS)
    params.project_matches(body, request.params["projectId"], violations)
    phone = params.e164(body.get("phoneNumber"), "phoneNumber", violations)
    region = params.region(body.get("regionCode"), "regionCode", violations)
    display_name = params.string(body, "displayName", violations)
    callback_url = params.string(body, "callbackUrl", violations)
    sms = body.get("smsConfiguration")
    plan = campaign = ""
    migrate = False
    if not isinstance(sms, dict):
        violations.add("smsConfiguration", "is required (an object with servicePlanId)")
    else:
        violations.check_fields(sms, ("servicePlanId", "campaignId", "migrateToSinchTmo"), prefix="smsConfiguration.")
        plan = params.string(sms, "servicePlanId", violations, required=True, prefix="smsConfiguration.")
        campaign = params.string(sms, "campaignId", violations, prefix="smsConfiguration.")
        migrate = params.boolean(sms, "migrateToSinchTmo", violations)
    violations.raise_if_any()
    project, now = _project(sim, request)
    if phone in project.numbers:
        raise _already_exists(f"Imported number {phone} already exists in project {project.project_id}")
    if phone in project.numbers_in_open_orders(now):
        raise _already_exists(f"{phone} is part of a hosting order in progress")
    number = ImportedNumber(phone, project.project_id, region, display_name, callback_url,
                            migrate_to_sinch_tmo=migrate)
    number.schedule_link({"servicePlanId": plan, "campaignId": campaign}, now, sim.settings.provisioning_delay)
    project.numbers[phone] = number
    return number.to_json(now)


API_ROUTES.add("GET", "/importedNumbers/{phoneNumber}", _reader("number", "phoneNumber"))


@API_ROUTES.route("PATCH", "/importedNumbers/{phoneNumber}")
def update_imported_number(sim, request):
    body = request.json()
    violations = Violations()
    paths = params.mask(request.arg("updateMask"), violations)
    violations.check_fields(body, params.CREATE_NUMBER_FIELDS)
    sms = body.get("smsConfiguration") or {}
    if not isinstance(sms, dict):
        violations.add("smsConfiguration", "must be an object")
        sms = {}
    violations.check_fields(sms, params.SMS_FIELDS, prefix="smsConfiguration.")
    # A path in the mask but absent from the body clears the field; a field outside the mask is ignored.
    values = {}
    for path in paths:
        parent, name = path.rsplit(".", 1) if "." in path else ("", path)
        values[path] = params.string(sms if parent else body, name, violations, prefix=f"{parent}." if parent else "")
    violations.raise_if_any()
    project, now = _project(sim, request)
    number = project.number(request.params["phoneNumber"])
    if "displayName" in values:
        number.display_name = values["displayName"]
    if "callbackUrl" in values:
        number.callback_url = values["callbackUrl"]
    links = {path.split(".")[1]: value for path, value in values.items() if path.startswith("smsConfiguration.")}
    if links:
        _relink(number, links, now, sim.settings.provisioning_delay)
    return number.to_json(now)


def _relink(number, wanted, now, delay):
    """Unlinking (an empty id) applies at once; linking goes through provisioning.

    "Before linking a number to a new service or campaign, it must be unlinked from any existing
    service or campaign": linking over another link is refused.
    """
    current = number.linked(now)
    conflicts = [name for name, value in wanted.items() if value and current[name] and value != current[name]]
    if conflicts:
        raise invalid_argument([
            (f"smsConfiguration.{name}",
             f"{number.phone_number} is linked to {current[name]!r}: unlink it first (set it to an empty string)")
            for name in conflicts])
    target = dict(current, **wanted)
    if target == current:
        return
    for name, value in wanted.items():
        if not value:
            setattr(number, "service_plan_id" if name == "servicePlanId" else "campaign_id", "")
    linking = any(value and value != current[name] for name, value in wanted.items())
    if linking:
        number.schedule_link(target, now, delay)
    elif number.sms_job is not None:
        # Unlinking during a pending provisioning: what is left of its target applies at once.
        number.service_plan_id, number.campaign_id = target["servicePlanId"], target["campaignId"]
        number.sms_job = None


API_ROUTES.add("DELETE", "/importedNumbers/{phoneNumber}", _remover("remove_number"))


# ---------------------------------------------------------------- hosting orders
@API_ROUTES.route("GET", "/hostingOrders")
def list_hosting_orders(sim, request):
    violations = Violations()
    # The spec marks states, type, servicePlanId and campaignId required, yet the operation "lists
    # the hosting orders for the project": optional filters here. `states` may repeat.
    states = {params.one_of(value, "states", params.ORDER_STATES + ("HOSTING_ORDER_STATE_UNSPECIFIED",), violations)
              for value in request.args("states")} - {None, "HOSTING_ORDER_STATE_UNSPECIFIED"}
    order_type = params.one_of(request.arg("type"), "type", params.ORDER_TYPES + ("HOSTING_ORDER_TYPE_UNSPECIFIED",),
                               violations)
    region = params.one_of(request.arg("regionCode"), "regionCode", params.HOSTING_REGIONS, violations)
    plan, campaign = request.arg("servicePlanId"), request.arg("campaignId")
    project, now = _project(sim, request)

    def matches(order):
        return ((not states or order.state(now) in states)
                and (order_type in (None, "HOSTING_ORDER_TYPE_UNSPECIFIED") or order.api_type == order_type)
                and (region is None or order.region_code == region)
                and (plan is None or order.service_plan_id == plan)
                and (campaign is None or order.campaign_id == campaign))

    return _listing(request, "hostingOrders", project.orders.values(), lambda order: order.to_json(now),
                    ORDER_ORDERINGS, "createdTime", violations, matches)


API_ROUTES.add("GET", "/hostingOrders/{hostingOrderId}", _reader("order", "hostingOrderId"))
API_ROUTES.add("GET", "/hostingOrders/{hostingOrderId}/report", _reader("order", "hostingOrderId", "report"))


@API_ROUTES.route("GET", "/hostingOrders/{hostingOrderId}/numbers")
def list_hosting_order_numbers(sim, request):
    violations = Violations()
    # Integer enums in the spec, without names: accepted as the step-state names or their index.
    filters = {}
    for name, step in (("osrUpdateState", "osr"), ("campaignProvisioningState", "campaign"),
                       ("platformProvisioningState", "platform")):
        raw = request.arg(name)
        if raw not in (None, ""):
            filters[step] = _step_state(raw, name, violations)
    project, now = _project(sim, request)
    order = project.order(request.params["hostingOrderId"])
    final = order.is_final(now)

    def matches(number):
        return all(number.step_state(step, final) == state for step, state in filters.items())

    return _listing(request, "numbers", order.numbers, lambda number: order.number_json(number, now),
                    PHONE_ORDERINGS, "phoneNumber", violations, matches)


def _step_state(raw, field, violations):
    names = ("STATE_UNSPECIFIED", "WAITING", "DONE", "FAILED")
    if raw.isdigit() and int(raw) < len(names):
        return names[int(raw)]
    if raw in names:
        return raw
    violations.add(field, f"must be one of {', '.join(names)} or 0-{len(names) - 1}")
    return None


@API_ROUTES.route("GET", "/hostingOrders/{hostingOrderId}/numbers/{phoneNumber}")
def get_hosting_order_number(sim, request):
    project, now = _project(sim, request)
    order = project.order(request.params["hostingOrderId"])
    phone = request.params["phoneNumber"]
    for number in order.numbers:
        if number.phone_number == phone:
            return order.number_json(number, now)
    raise not_found("HostingOrderNumber", phone, f"{phone} is not a number of hosting order {order.order_id}")


@API_ROUTES.route("POST", "/hostingOrders:importNumbers")
def import_numbers(sim, request):
    _project_state, order, now = _file_order(sim, request, "import", params.IMPORT_LIMIT)
    return order.to_import_json(now)


@API_ROUTES.route("POST", "/hostingOrders:textEnableNumbers")
def text_enable_numbers(sim, request):
    _project_state, order, now = _file_order(sim, request, "text_enable", params.TEXT_ENABLE_LIMIT)
    return order.to_json(now)


@API_ROUTES.route("POST", "/hostingOrders:textEnableTollFreeNumbers")
def text_enable_toll_free_numbers(sim, request):
    _project_state, order, now = _file_order(sim, request, "text_enable_toll_free", params.TEXT_ENABLE_LIMIT)
    return order.to_json(now)


def _file_order(sim, request, kind, limit, qualified=False):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, params.ORDER_FIELDS[kind])
    params.project_matches(body, request.params["projectId"], violations)
    numbers = params.numbers_list(body.get("numbers"), "numbers", limit, violations)
    _check_toll_free(kind, numbers, violations)
    order = dict(
        kind=kind,
        display_name=params.string(body, "displayName", violations),
        region_code=params.region(body.get("regionCode"), "regionCode", violations),
        service_plan_id=params.string(body, "servicePlanId", violations, required=True),
        campaign_id=params.string(body, "campaignId", violations),
        callback_url=params.string(body, "callbackUrl", violations),
        migrate_to_sinch_tmo=params.boolean(body, "migrateToSinchTmo", violations),
        nnid=params.string(body, "nnid", violations),
        scheduled_osr_update_time=params.timestamp(body, "scheduledOsrUpdateTime", violations),
    )
    params.timestamp(body, "scheduledZipwhipProvisioningTime", violations)
    if kind != "import":
        order["loa_type"], order["loa"] = params.loa(body, kind, violations)
    violations.raise_if_any()
    project, now = _project(sim, request)
    busy = project.numbers_in_open_orders(now)
    for phone in numbers:
        if phone in busy:
            raise _already_exists(f"{phone} is part of a hosting order in progress")
        if phone in project.numbers:
            raise _already_exists(f"{phone} is already an imported number of project {project.project_id}")
    if qualified:
        _check_qualified(project, numbers, now)
    store = imported_store(sim)
    nnid = (order["nnid"] or SINCH_NNID) if kind == "text_enable" else ""
    order_numbers = [OrderNumber(phone, kind == "text_enable", order["campaign_id"], order["service_plan_id"], nnid)
                     for phone in numbers]
    hosting_order = HostingOrder(order_id=store.new_order_id(now), project_id=project.project_id, created_at=now,
                                 delay=sim.settings.provisioning_delay, numbers=order_numbers,
                                 from_qualified=qualified, **order)
    project.orders[hosting_order.order_id] = hosting_order
    if qualified:
        for phone in numbers:
            project.qualified[phone].hosting_order = hosting_order
    return project, hosting_order, now


def _check_toll_free(kind, numbers, violations):
    for index, phone in enumerate(numbers):
        if not phone:
            continue
        toll_free = phone.startswith("+1") and phone[2:5] in TOLL_FREE_AREA_CODES
        if kind == "text_enable_toll_free" and not toll_free:
            violations.add(f"numbers[{index}]", f"{phone} is not a toll-free number")
        elif kind == "text_enable" and toll_free:
            violations.add(f"numbers[{index}]", f"{phone} is toll-free: use textEnableTollFreeNumbers")


def _check_qualified(project, numbers, now):
    not_ready = []
    for phone in numbers:
        state = project.qualified_number(phone).global_state(now)
        if state not in TEXT_ENABLEABLE:
            not_ready.append((phone, state))
    if not_ready:
        raise invalid_argument([("numbers", f"{phone} is in state {state}; only verified numbers can be text-enabled")
                                for phone, state in not_ready])


# ---------------------------------------------------------------- qualified numbers
@API_ROUTES.route("GET", "/qualifiedNumbers")
def list_qualified_numbers(sim, request):
    violations = Violations()
    region = params.one_of(request.arg("regionCode"), "regionCode", params.HOSTING_REGIONS, violations)
    # `states` is marked required by the spec; optional here, as for hosting orders.
    states = set(request.args("states")) - {"", G + "UNSPECIFIED"}
    project, now = _project(sim, request)

    def matches(number):
        return (region is None or number.region_code == region) and (not states or number.global_state(now) in states)

    return _listing(request, "qualifiedNumbers", project.qualified.values(), lambda number: number.to_json(now),
                    PHONE_ORDERINGS, "phoneNumber", violations, matches)


API_ROUTES.add("GET", "/qualifiedNumbers/{phoneNumber}", _reader("qualified_number", "phoneNumber"))


API_ROUTES.add("DELETE", "/qualifiedNumbers/{phoneNumber}", _remover("remove_qualified_number"))


@API_ROUTES.route("POST", "/qualifiedNumbers:addNumbers")
def add_qualified_numbers(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("phoneNumbers",))
    phones = params.numbers_list(body.get("phoneNumbers"), "phoneNumbers", ADD_QUALIFIED_LIMIT, violations)
    violations.raise_if_any()
    project, now = _project(sim, request)
    # A number the project already qualifies is answered as it is (the spec lists no conflict answer).
    for phone in phones:
        if phone not in project.qualified:
            project.qualified[phone] = QualifiedNumber(phone, project.project_id, _region_of(phone), now,
                                                       sim.settings.provisioning_delay)
    return {"qualifiedNumbers": [project.qualified[phone].to_json(now) for phone in phones]}


@API_ROUTES.route("POST", "/qualifiedNumbers:textEnableNumbers")
def text_enable_qualified_numbers(sim, request):
    _project_state, order, _now = _file_order(sim, request, "text_enable", params.QUALIFIED_TEXT_ENABLE_LIMIT,
                                              qualified=True)
    return {"hostingOrderId": order.order_id}


@API_ROUTES.route("POST", "/qualifiedNumbers:textEnableTollFreeNumbers")
def text_enable_toll_free_qualified_numbers(sim, request):
    _project_state, order, now = _file_order(sim, request, "text_enable_toll_free", params.TEXT_ENABLE_LIMIT,
                                             qualified=True)
    return order.to_json(now)


@API_ROUTES.route("POST", "/qualifiedNumbers/{phoneNumber}:sendVoiceChallenge")
def send_voice_challenge(sim, request):
    project, now = _project(sim, request)
    number = project.qualified_number(request.params["phoneNumber"])
    state = number.global_state(now)
    if state not in CHALLENGEABLE:
        raise invalid_argument([("phoneNumber", f"no voice challenge can be sent in state {state}")])
    number.challenge_code = imported_store(sim).new_code()
    number.last_code_wrong = False
    number.updated_at = now
    return number.to_json(now)


@API_ROUTES.route("POST", "/qualifiedNumbers/{phoneNumber}:verifyVoiceChallenge")
def verify_voice_challenge(sim, request):
    body = request.json()
    violations = Violations()
    violations.check_fields(body, ("code",))
    code = params.string(body, "code", violations, required=True)
    violations.raise_if_any()
    project, now = _project(sim, request)
    number = project.qualified_number(request.params["phoneNumber"])
    state = number.global_state(now)
    if state in PROVEN:
        return number.to_json(now)
    if state not in VERIFIABLE:
        raise invalid_argument([("phoneNumber", f"no voice challenge is pending (state {state})")])
    if code == number.challenge_code:
        number.verified = True
    else:
        number.wrong_codes += 1
        number.last_code_wrong = True
    number.updated_at = now
    return number.to_json(now)


# ---------------------------------------------------------------- admin
@admin.ROUTES.route("GET", "/voiceChallenges/{phoneNumber}")
def read_voice_challenge(sim, request):
    """The code the last voice challenge read out (what the phone call would tell its owner)."""
    project_id = request.arg("projectId") or sim.settings.project_id
    phone = request.params["phoneNumber"]
    number = imported_store(sim).project(project_id).qualified.get(phone)
    if number is None or number.challenge_code is None:
        raise not_found("VoiceChallenge", phone, f"No voice challenge was sent to {phone} in project {project_id}")
    return {"phoneNumber": phone, "projectId": project_id, "code": number.challenge_code}


def register(router):
    API_ROUTES.register(router)
    admin.register(router)
