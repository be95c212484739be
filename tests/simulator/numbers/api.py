"""The Numbers API (specs/numbers.yaml, specs/numbers-rent-v1.0.3.md).

Choices where the specs are silent, each one documented in README.md:
- renting a number that is not available (unknown, or active in any project) is 404 NOT_FOUND,
  the same answer GET availableNumbers/{phoneNumber} gives for it;
- release answers the number as it was, with expireAt set to the end of the paid period.
"""

from . import callbacks, params
from ..core.errors import not_found
from .models import ActiveNumber
from .config import apply_update, check_capabilities, parse_number_update
from ..core.paging import count_matching, decode_token, encode_token, take_page
from .pool import NUMBER_TYPES, REGION_NAMES
from ..core.router import Routes
from ..core.validation import Violations

PROJECT = "/v1/projects/{projectId}"
# numbers.yaml: a project the credentials cannot use is 403 PermissionDenied
ROUTES = Routes(PROJECT, unknown_project=403)
RENT_FIELDS = ("smsConfiguration", "voiceConfiguration", "callbackUrl")
UPDATE_FIELDS = ("displayName", "smsConfiguration", "voiceConfiguration", "callbackUrl")
RENT_ANY_FIELDS = ("regionCode", "type", "numberPattern", "capabilities") + RENT_FIELDS
# orderBy -> (sort key of an ActiveNumber, a key of that shape). Buckets are kept in
# phone number order already.
ORDERINGS = {
    "phoneNumber": (ActiveNumber.phone_key, ""),
    "displayName": (ActiveNumber.display_key, ["", ""]),
}


@ROUTES.route("GET", "/availableRegions")
def list_available_regions(sim, request):
    violations = Violations()
    wanted = [value for value in request.args("types") if value != "NUMBER_TYPE_UNSPECIFIED"]
    for value in wanted:
        params.number_type(value, "types", violations)
    violations.raise_if_any()
    regions = []
    for code in sorted(sim.store.region_types):
        offered = sim.store.region_types[code]
        if wanted and not offered.intersection(wanted):
            continue
        types = [number_type for number_type in NUMBER_TYPES if number_type in offered]
        regions.append({"regionCode": code, "regionName": REGION_NAMES.get(code, code), "types": types})
    return {"availableRegions": regions}


@ROUTES.route("GET", "/availableNumbers")
def list_available_numbers(sim, request):
    violations = Violations()
    region, number_type, matches_phone, wanted = params.query_search(request, "capabilities", violations)
    limit = params.size(request.arg("size"), "size", params.DEFAULT_SEARCH_SIZE, violations)
    violations.raise_if_any()
    offers = _matching_offers(sim.store, region, number_type, matches_phone, wanted)
    return {"availableNumbers": [offer.to_json() for offer in offers[:limit]]}


@ROUTES.route("GET", "/availableNumbers/{phoneNumber}")
def get_available_number(sim, request):
    return sim.store.get_available(request.params["phoneNumber"]).to_json()


@ROUTES.route("POST", "/availableNumbers/{phoneNumber}:rent")
def rent_number(sim, request):
    project, update = _project_and_update(sim, request, RENT_FIELDS)
    offer = sim.store.get_available(request.params["phoneNumber"])
    return _rent(sim, project, offer, update)


@ROUTES.route("POST", "/availableNumbers:rentAny")
def rent_any_number(sim, request):
    """POST availableNumbers:rentAny: absent from the spec files, used by the official SDKs.

    Rents the first available number (in phone number order) matching the criteria.
    """
    body = request.json()
    violations = Violations()
    update = parse_number_update(body, RENT_ANY_FIELDS, violations)
    pattern = body.get("numberPattern") or {}
    region, number_type, matches_phone, wanted = params.search(
        body.get("regionCode"), body.get("type"), pattern.get("pattern"), pattern.get("searchPattern"),
        body.get("capabilities") or [], violations)
    violations.raise_if_any()
    project = sim.store.project(request.params["projectId"])
    offers = _matching_offers(sim.store, region, number_type, matches_phone, wanted, limit=1)
    if not offers:
        raise not_found("AvailableNumber", "", f"No available {region} {number_type} number matches the criteria")
    return _rent(sim, project, offers[0], update)


@ROUTES.route("GET", "/activeNumbers")
def list_active_numbers(sim, request):
    violations = Violations()
    # The spec marks regionCode and type as required here; the simulator enforces it.
    region, number_type, matches_phone, wanted = params.query_search(request, "capability", violations)
    page_size = params.size(
        request.arg("pageSize"), "pageSize", params.DEFAULT_PAGE_SIZE, violations, maximum=params.MAX_PAGE_SIZE
    )
    order_by = params.order_by(request.arg("orderBy"), violations)
    token = request.arg("pageToken")
    violations.raise_if_any()

    project = sim.store.project(request.params["projectId"])
    matches = _number_predicate(matches_phone, wanted)
    numbers = [project.numbers[phone] for phone in project.bucket(region, number_type)]
    key_of, example_key = ORDERINGS[order_by]
    if order_by != "phoneNumber":
        numbers.sort(key=key_of)
    cursor = decode_token(token, order_by, example_key) if token else None
    page, has_more = take_page(numbers, key_of, cursor, page_size, matches)
    now = sim.now()
    return {
        "activeNumbers": [number.to_json(now) for number in page],
        "nextPageToken": encode_token(order_by, key_of(page[-1])) if has_more else "",
        "totalSize": count_matching(numbers, matches),
    }


@ROUTES.route("GET", "/activeNumbers/{phoneNumber}")
def get_active_number(sim, request):
    project = sim.store.project(request.params["projectId"])
    return project.get(request.params["phoneNumber"]).to_json(sim.now())


@ROUTES.route("PATCH", "/activeNumbers/{phoneNumber}")
def update_active_number(sim, request):
    project, update = _project_and_update(sim, request, UPDATE_FIELDS)
    number = project.get(request.params["phoneNumber"])
    violations = Violations()
    check_capabilities(number.offer, update, violations)
    violations.raise_if_any()
    now = sim.now()
    callbacks.watch(sim, project, number, apply_update(number, update, now, sim.settings.provisioning_delay))
    return number.to_json(now)


@ROUTES.route("POST", "/activeNumbers/{phoneNumber}:release")
def release_number(sim, request):
    project = sim.store.project(request.params["projectId"])
    number = sim.store.release(project, request.params["phoneNumber"])
    now = sim.now()
    number.settle(now)
    number.expire_at = number.next_charge(now)
    return number.to_json(now)


def _project_and_update(sim, request, fields):
    """The project of the path and the checked body of a rent or an update (made of `fields`)."""
    violations = Violations()
    update = parse_number_update(request.json(), fields, violations)
    violations.raise_if_any()
    return sim.store.project(request.params["projectId"]), update


def _rent(sim, project, offer, update):
    violations = Violations()
    check_capabilities(offer, update, violations)
    violations.raise_if_any()
    now = sim.now()
    number = sim.store.activate(project, offer, now)
    callbacks.watch(sim, project, number, apply_update(number, update, now, sim.settings.provisioning_delay))
    return number.to_json(now)


def _matching_offers(store, region, number_type, matches_phone, wanted, limit=None):
    offers = []
    for phone in store.available_bucket(region, number_type):
        offer = store.available[phone]
        if matches_phone is not None and not matches_phone(phone):
            continue
        if not all(item in offer.capability for item in wanted):
            continue
        offers.append(offer)
        if limit is not None and len(offers) >= limit:
            break
    return offers


def _number_predicate(matches_phone, wanted):
    if matches_phone is None and not wanted:
        return None

    def matches(number):
        if matches_phone is not None and not matches_phone(number.phone_number):
            return False
        return number.has_capabilities(wanted)

    return matches


register = ROUTES.register
