# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drift and cost report of a project, computed from its listings (pure functions, no request)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import FINAL_ORDER_STATES
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import effective_configuration
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import FINAL_STATUSES

FINDINGS = ("unmanaged", "provisioning_failed", "provisioning_pending", "unconfigured",
            "stuck_hosting_orders", "stuck_registrations")
# (channel, configuration key, scheduled-provisioning key, the ids that make it configured)
_CHANNELS = (
    ("sms", "sms_configuration", "scheduled_provisioning", ("service_plan_id",)),
    ("voice", "voice_configuration", "scheduled_voice_provisioning", ("app_id", "trunk_id", "service_id")),
)
_CENT = Decimal("0.01")
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")


def build_report(listings, prefixes, stuck_after_hours, now):
    """The report dict for the listings of read.read_project, at `now` (an aware datetime)."""
    numbers = listings.get("active_numbers") or []
    imported = listings.get("imported_numbers") or []
    report = {finding: [] for finding in FINDINGS}
    for source, items in (("active", numbers), ("imported", imported)):
        for number in items:
            _classify(number, source, prefixes, now, report)
    stuck_after = stuck_after_hours * 3600
    report["stuck_hosting_orders"] = [
        _stuck(order, order.get("hosting_order_id"), order.get("state"), order.get("created_time"), now)
        for order in listings.get("hosting_orders") or []
        if order.get("state") not in FINAL_ORDER_STATES and _age(order.get("created_time"), now) >= stuck_after]
    report["stuck_registrations"] = [
        _stuck(registration, registration.get("id"), registration.get("status"), registration.get("create_time"), now)
        for registration in listings.get("registrations") or []
        if registration.get("status") not in FINAL_STATUSES
        and _age(registration.get("create_time"), now) >= stuck_after]
    cost = monthly_cost(numbers, prefixes)
    report.update(
        generated_at=_iso(now),
        managed_prefixes=list(prefixes),
        stuck_after_hours=stuck_after_hours,
        totals={section: len(items) for section, items in listings.items()},
        summary={finding: len(report[finding]) for finding in FINDINGS},
        monthly_cost=cost,
        monthly_cost_by_currency=_by_currency(cost),
    )
    return report


def pool_of(display_name, prefixes):
    """The longest prefix the display name starts with, or None (unmanaged)."""
    matches = [prefix for prefix in prefixes if display_name and display_name.startswith(prefix)]
    return max(matches, key=len) if matches else None


def monthly_cost(numbers, prefixes):
    """Rows {pool, region_code, type, currency, numbers, monthly_amount}, sorted; amounts are strings."""
    groups = {}
    for number in numbers:
        money = number.get("money") or {}
        currency = money.get("currency_code") or ""
        key = (pool_of(number.get("display_name"), prefixes) or "", number.get("region_code") or "",
               number.get("type") or "", currency)
        count, amount = groups.get(key, (0, Decimal(0)))
        groups[key] = (count + 1, amount + _monthly(money.get("amount"), number.get("payment_interval_months")))
    return [{"pool": pool, "region_code": region, "type": kind, "currency": currency, "numbers": count,
             "monthly_amount": _amount(amount)}
            for (pool, region, kind, currency), (count, amount) in sorted(groups.items())]


def _by_currency(rows):
    totals = {}
    for row in rows:
        count, amount = totals.get(row["currency"], (0, Decimal(0)))
        totals[row["currency"]] = (count + row["numbers"], amount + Decimal(row["monthly_amount"]))
    return [{"currency": currency, "numbers": count, "monthly_amount": _amount(amount)}
            for currency, (count, amount) in sorted(totals.items())]


def _classify(number, source, prefixes, now, report):
    summary = {
        "phone_number": number.get("phone_number"),
        "source": source,
        "display_name": number.get("display_name") or "",
        "region_code": number.get("region_code"),
        "type": number.get("type", "IMPORTED" if source == "imported" else None),
    }
    if pool_of(summary["display_name"], prefixes) is None:
        report["unmanaged"].append(summary)
    # a pending provisioning counts as the configuration it brings; a failed one brings nothing
    effective = effective_configuration(number)
    configured = False
    for channel, config_key, scheduled_key, ids in _CHANNELS:
        config = effective.get(config_key) or {}
        configured = configured or any(config.get(name) for name in ids)
        scheduled = (number.get(config_key) or {}).get(scheduled_key)
        if not scheduled:
            continue
        failed = scheduled.get("status") == "FAILED"
        since = scheduled.get("last_updated_time")
        report["provisioning_failed" if failed else "provisioning_pending"].append(dict(
            summary, channel=channel, status=scheduled.get("status"), since=since, age_hours=_hours(since, now),
            error_codes=list(scheduled.get("error_codes") or [])))
    if not configured:
        report["unconfigured"].append(summary)


def _stuck(item, item_id, state, created, now):
    return {"id": item_id, "display_name": item.get("display_name") or "", "state": state,
            "type": item.get("type") or item.get("registration_type"), "created_time": created,
            "age_hours": _hours(created, now)}


def _monthly(amount, interval):
    try:
        value = Decimal(str(amount)) if amount not in (None, "") else Decimal(0)
    except InvalidOperation:
        value = Decimal(0)
    months = interval if isinstance(interval, int) and interval > 0 else 1
    return value / months


def _amount(value):
    return str(value.quantize(_CENT, rounding=ROUND_HALF_UP))


def parse_time(value):
    """An aware datetime from the APIs' timestamps (with Z, an offset, or none meaning UTC), else None."""
    match = _TIMESTAMP.match(value or "") if isinstance(value, str) else None
    if not match:
        return None
    date, clock, fraction, zone = match.groups()
    stamp = datetime.strptime("%s %s" % (date, clock), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    if fraction:
        stamp = stamp.replace(microsecond=int((fraction[1:] + "000000")[:6]))
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        stamp -= sign * (datetime(1, 1, 1, int(digits[:2]), int(digits[2:])) - datetime(1, 1, 1))
    return stamp


def _age(value, now):
    stamp = parse_time(value)
    return (now - stamp).total_seconds() if stamp else 0


def _hours(value, now):
    stamp = parse_time(value)
    return round((now - stamp).total_seconds() / 3600, 1) if stamp else None


def _iso(now):
    return now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
