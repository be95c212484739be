"""What POST /_sim/seed/active can set beyond a plain number: price, age, provisioning states.

Used by the drift and cost report tests, which need a known mix of numbers:
- "monthlyPrice" {"currencyCode", "amount"} and "paymentIntervalMonths": the price the numbers are
  charged (instead of their number plan's), every that many months;
- "ageSeconds": how long ago the numbers were rented;
- "scheduledProvisioning" {"sms"?, "voice"?, "ageSeconds"}: an SMS and/or voice provisioning in
  status WAITING, IN_PROGRESS or FAILED since that many seconds. A FAILED one stays visible, a
  WAITING or IN_PROGRESS one stays in its status for ten years (the clock never ends it in a test).
"""

import re

from ..core.provisioning import FAILED, IN_PROGRESS, WAITING, ProvisioningJob
from ..core.validation import is_int, is_number
from .models import voice_config

EXTRA_FIELDS = ("monthlyPrice", "paymentIntervalMonths", "ageSeconds", "scheduledProvisioning")
STATUSES = (WAITING, IN_PROGRESS, FAILED)
TEN_YEARS = 10 * 365 * 86400
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def parse_extras(body, violations):
    """The extra seeding fields of a request body, checked; {} when none is given."""
    extras = {}
    price = body.get("monthlyPrice")
    if price is not None:
        if not (isinstance(price, dict) and isinstance(price.get("currencyCode"), str)
                and _CURRENCY.match(price["currencyCode"]) and isinstance(price.get("amount"), str)
                and _AMOUNT.match(price["amount"]) and set(price) <= {"currencyCode", "amount"}):
            violations.add("monthlyPrice", 'must be {"currencyCode": "USD", "amount": "1.50"}')
        else:
            extras["price"] = (price["currencyCode"], price["amount"])
    interval = body.get("paymentIntervalMonths")
    if interval is not None:
        if not (is_int(interval) and interval >= 1):
            violations.add("paymentIntervalMonths", "must be an integer of 1 or more")
        extras["interval"] = interval
    age = body.get("ageSeconds")
    if age is not None:
        if not (is_number(age) and age >= 0):
            violations.add("ageSeconds", "must be a non-negative number of seconds")
        extras["age"] = age
    scheduled = body.get("scheduledProvisioning")
    if scheduled is not None:
        extras["scheduled"] = _parse_scheduled(scheduled, violations)
    return extras


def _parse_scheduled(value, violations):
    field = "scheduledProvisioning"
    if not isinstance(value, dict) or not set(value) <= {"sms", "voice", "ageSeconds"}:
        violations.add(field, 'must be {"sms"?: status, "voice"?: status, "ageSeconds"?: seconds}')
        return {}
    for channel in ("sms", "voice"):
        if channel in value and value[channel] not in STATUSES:
            violations.add(f"{field}.{channel}", f"must be one of {', '.join(STATUSES)}")
    age = value.get("ageSeconds", 0)
    if not (is_number(age) and age >= 0):
        violations.add(f"{field}.ageSeconds", "must be a non-negative number of seconds")
    return value


def apply_extras(offer, number, extras, now):
    """Apply parsed extras to a new offer and the active number made of it."""
    if "price" in extras:
        offer.currency, offer.monthly_price = extras["price"]
    if "interval" in extras:
        offer.payment_interval_months = extras["interval"]
    if "age" in extras:
        number.rented_at = now - extras["age"]
    scheduled = extras.get("scheduled") or {}
    age = scheduled.get("ageSeconds", 0)
    if "sms" in scheduled:
        plan = "fail-seeded-plan" if scheduled["sms"] == FAILED else "seeded-plan"
        number.sms_job = job_in_status({"servicePlanId": plan, "campaignId": ""}, scheduled["sms"], age, now)
    if "voice" in scheduled:
        app = "fail-seeded-app" if scheduled["voice"] == FAILED else "seeded-app"
        number.voice_job = job_in_status(voice_config("RTC", app), scheduled["voice"], age, now)


def job_in_status(target, status, age, now):
    """A provisioning job that has been in `status` for `age` seconds at `now`."""
    if status == FAILED:
        return ProvisioningJob(target, now - age - 1, 1, True)
    delay = 2 * (age + TEN_YEARS)
    if status == IN_PROGRESS:
        return ProvisioningJob(target, now - age - delay / 2, delay, False)
    return ProvisioningJob(target, now - age, delay, False)
