"""Validation of Sender ID Registrations API requests: bodies against the policy, list queries."""

import re
from datetime import datetime, timezone

from .catalog import REGISTRATION_TYPES
from .state import STATUSES
from ..core.validation import is_int

CREATE_FIELDS = ("policyId", "requestDetails", "tags", "notificationContacts", "callbackUrl")
UPDATE_FIELDS = ("requestDetails", "tags", "notificationContacts", "callbackUrl")
DETAIL_FIELDS = ("senderIdDetails", "additionalDetails")
# From the spec: "Tag have to start from '#' and contains only alphanumerics and dashes."
TAG = re.compile(r"^#[A-Za-z0-9-]+$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MARKET = re.compile(r"^[A-Z]{2}$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
MAX_SENDERS = 50
ORDER_FIELDS = ("id", "status", "senderId", "createDate", "updateDate")
# Not documented; the simulator's choices.
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def registration_body(body, allowed, policy, violations):
    """The registration fields of a create/update body, validated; None for fields not sent."""
    violations.check_fields(body, allowed)
    parsed = {}
    if "requestDetails" in body:
        parsed["requestDetails"] = request_details(body["requestDetails"], policy, violations)
    if "tags" in body:
        parsed["tags"] = string_list(body["tags"], "tags", TAG, "must start with '#' and contain only letters, digits and dashes", violations)
    if "notificationContacts" in body:
        parsed["notificationContacts"] = string_list(
            body["notificationContacts"], "notificationContacts", EMAIL, "must be an e-mail address", violations)
    if "callbackUrl" in body:
        value = body["callbackUrl"]
        if not isinstance(value, str):
            violations.add("callbackUrl", "must be a string")
        parsed["callbackUrl"] = value if isinstance(value, str) else ""
    return parsed


def string_list(value, name, pattern, description, violations):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        violations.add(name, "must be a list of strings")
        return []
    for index, item in enumerate(value):
        if not pattern.match(item):
            violations.add(f"{name}[{index}]", description)
    return list(value)


def request_details(value, policy, violations):
    """requestDetails checked against the policy's templates (see registrations_catalog)."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        violations.add("requestDetails", "must be a list of objects")
        return []
    senders = 0
    additional_keys = set()
    for index, details in enumerate(value):
        prefix = f"requestDetails[{index}]."
        violations.check_fields(details, DETAIL_FIELDS, prefix)
        for position, sender in enumerate(_objects(details, "senderIdDetails", prefix, violations)):
            senders += 1
            _check_sender(sender, policy, f"{prefix}senderIdDetails[{position}].", violations)
        for position, extra in enumerate(_objects(details, "additionalDetails", prefix, violations)):
            additional_keys.update(extra)
            allowed = {field[0] for field in _fields(policy.company_fields + policy.contact_fields)}
            for key in extra:
                if key not in allowed:
                    violations.add(f"{prefix}additionalDetails[{position}].{key}",
                                   f"unknown field for policy {policy.policy_id}")
    maximum = MAX_SENDERS if policy.multi_type == "MULTI_SENDER" else 1
    if not 1 <= senders <= maximum:
        violations.add("requestDetails", f"policy {policy.policy_id} ({policy.multi_type}) takes 1 to {maximum} sender ID(s), got {senders}")
    for name, required, _pattern in _fields(policy.company_fields + policy.contact_fields):
        if required and name not in additional_keys:
            violations.add("requestDetails.additionalDetails", f"'{name}' is required by policy {policy.policy_id}")
    return value


def _objects(details, key, prefix, violations):
    items = details.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        violations.add(prefix + key, "must be a list of objects")
        return []
    return items


def _check_sender(sender, policy, prefix, violations):
    known = _fields(policy.sender_fields)
    names = {field[0] for field in known}
    for key in sender:
        if key not in names:
            violations.add(prefix + key, f"unknown field for policy {policy.policy_id}")
    for name, required, pattern in known:
        value = sender.get(name)
        if value is None or value == "":
            if required:
                violations.add(prefix + name, f"is required by policy {policy.policy_id}")
        elif not isinstance(value, str):
            violations.add(prefix + name, "must be a string")
        elif pattern and not re.match(pattern, value):
            violations.add(prefix + name, f"does not match {pattern}")


def _fields(template):
    """(name, required, pattern) of each field of a catalog template."""
    result = []
    for entry in template:
        values = dict(entry)
        result.append((values["name"], values["required"], values.get("pattern")))
    return result


def registration_type(value, violations):
    if value is None:
        return REGISTRATION_TYPES[0]
    if value not in REGISTRATION_TYPES:
        violations.add("registrationType", f"must be one of {', '.join(REGISTRATION_TYPES)}")
    return value


def market_code(value, violations):
    if value is not None and not MARKET.match(value):
        violations.add("marketCode", "must be an ISO market code such as SE")
    return value


def language(value, violations):
    if value is not None and not LANGUAGE.match(value):
        violations.add("language", "must be a two-letter language code such as en")
    return value or "en"


def boolean(value, name, violations):
    if value is None:
        return False
    if value.lower() not in ("true", "false"):
        violations.add(name, "must be true or false")
        return False
    return value.lower() == "true"


def page_size(value, violations):
    if value is None:
        return DEFAULT_PAGE_SIZE
    try:
        size = int(value)
    except ValueError:
        size = None
    if not is_int(size) or size < 1:
        violations.add("pageSize", "must be a positive integer")
        return DEFAULT_PAGE_SIZE
    return min(size, MAX_PAGE_SIZE)


def status(value, violations):
    if value is not None and value not in STATUSES:
        violations.add("registrationState", f"must be one of {', '.join(STATUSES)}")
    return value


def date_bound(value, name, violations):
    """A timestamp from an ISO 8601 date or date time (UTC when no offset is given)."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        violations.add(name, "must be an ISO 8601 date such as 2024-11-03")
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.timestamp()


def order_by(value, violations):
    """(field, descending) from "field" or "field,asc|desc"; default createDate ascending."""
    if not value:
        return "createDate", False
    name, _comma, direction = value.partition(",")
    direction = direction.strip().lower() or "asc"
    if name not in ORDER_FIELDS or direction not in ("asc", "desc"):
        violations.add("orderBy", f"must be one of {', '.join(ORDER_FIELDS)}, optionally followed by ,asc or ,desc")
        return "createDate", False
    return name, direction == "desc"
