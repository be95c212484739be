# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every write to an active number, each taking effect exactly once (docs/reliability.md).

Functions over (client, NumbersApi), callable once per number, so that sinch_number and the
bulk sinch_numbers module share one behaviour:

- rent_specific: POST :rent, re-read by phone number after an ambiguous answer;
- rent_any_named: POST :rentAny carrying a *claim* for the display name, then name the number;
- find_by_display_name: the number with that display name, else the one whose claim names it;
- update_number: PATCH, read back and compared after an ambiguous answer before any retry.
(NumbersApi.release needs nothing more: a 404 after a try that may have been applied means released.)

The claim. rentAny takes no display name (its body has regionCode, type, numberPattern,
capabilities, smsConfiguration, voiceConfiguration and callbackUrl), so naming is a second
request, and a run can end between the two. The claim is set in the rent request itself: the
callbackUrl is sent with a fragment ``#sinch-numbers-claim=<display name>`` (the user's own
callback URL with the fragment, or ``https://claim.sinch-numbers.invalid/`` with it when the user
set none). A fragment never reaches the server an HTTP callback is sent to, so the user's
callbacks still arrive; the .invalid host (RFC 2606) resolves nowhere. The naming PATCH sets the
display name and puts the callback URL back (the user's, or empty). A later run that finds no
number with the display name adopts the one whose claim names it instead of renting again.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchError,
    SinchInputError,
    SinchPartialWriteError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import effective_configuration

CLAIM_KEY = "sinch-numbers-claim"
CLAIM_BASE_URL = "https://claim.sinch-numbers.invalid/"


# ---------------------------------------------------------------- the claim
def claim_url(callback_url, display_name):
    """The callbackUrl sent with rentAny: a claim for display_name on the user's callback URL."""
    return "%s#%s=%s" % (callback_url or CLAIM_BASE_URL, CLAIM_KEY, quote(display_name, safe=""))


def claimed_name(number):
    """The display name a number's callback URL claims, or None."""
    url = (number or {}).get("callback_url") or ""
    marker = "#%s=" % CLAIM_KEY
    if marker not in url:
        return None
    return unquote(url.rsplit(marker, 1)[1])


def released_claim(callback_url):
    """The callback URL once the claim is settled: the user's, or empty when they set none."""
    return callback_url or ""


# ---------------------------------------------------------------- reads
def find_by_display_name(listed, display_name, project_id=None):
    """(number, claimed) among listed numbers of one region and type.

    The number named display_name (claimed False); else the unnamed number whose claim names
    it (claimed True: a rent that was not named, to adopt); else (None, False). Several
    matches are an error naming them all: the user must pick one by phone_number.
    """
    listed = list(listed)
    for matches, claimed in (
            ([n for n in listed if n.get("display_name") == display_name], False),
            ([n for n in listed if not n.get("display_name") and claimed_name(n) == display_name], True)):
        if len(matches) > 1:
            raise SinchInputError(
                "display_name '%s' is not unique in project %s (%s%s): use phone_number to pick one" % (
                    display_name, project_id or "", ", ".join(n["phone_number"] for n in matches),
                    "; rented under this name but not yet named" if claimed else ""))
        if matches:
            return matches[0], claimed
    return None, False


# ---------------------------------------------------------------- writes
def rent_specific(client, api, phone_number, configuration):
    """Rent one given number (POST :rent); re-read by phone number after an ambiguous answer."""
    return client.create_once(lambda: api.rent(phone_number, configuration),
                              lambda: api.get_active(phone_number))


def rent_any_named(client, api, criteria, configuration, display_name, listed_before):
    """Rent one number matching criteria and name it display_name, exactly once.

    criteria: region_code, number_type, capabilities, number_pattern, search_pattern.
    configuration: sms_configuration, voice_configuration, callback_url (None = not set).
    listed_before: the phone numbers of (region_code, number_type) listed before renting.
    After an ambiguous rentAny the number is found by its claim (or, failing that, as the only
    number the listing did not show before). Raises SinchPartialWriteError naming the number
    when it was rented but could not be named (a rerun adopts it through the claim).
    """
    sent = dict(configuration)
    sent["callback_url"] = claim_url(configuration.get("callback_url"), display_name)
    sent = {key: value for key, value in sent.items() if value is not None}
    number = client.create_once(
        lambda: api.rent_any(criteria, sent),
        lambda: _find_rented(api, criteria, display_name, listed_before))
    return adopt(client, api, number, display_name, configuration.get("callback_url"))


def adopt(client, api, number, display_name, callback_url, changes=None):
    """Name a claimed number (and apply changes): display name set, claim removed from the callback URL."""
    settle = dict(changes or {})
    settle["display_name"] = display_name
    settle["callback_url"] = released_claim(callback_url)
    try:
        return update_number(client, api, number["phone_number"], settle)
    except SinchError as exc:
        raise SinchPartialWriteError(
            "rented %s but could not set display_name '%s' (a rerun adopts it, it is not rented again): %s" % (
                number["phone_number"], display_name, exc), result={"changed": True, "number": number})


def update_number(client, api, phone_number, changes):
    """PATCH changes; after an ambiguous answer, read back and retry only if they are not there."""
    return client.update_once(lambda: api.update_active(phone_number, changes, idempotent=False),
                              lambda: api.get_active(phone_number), changes, effective_configuration)


def _find_rented(api, criteria, display_name, listed_before):
    listed = list(api.list_active(criteria["region_code"], criteria["number_type"]))
    number, _claimed = find_by_display_name(listed, display_name)
    if number is not None:
        return number
    # An API that does not keep the callback URL as sent: the only new number is ours. A number
    # claimed for another display name is another rent's (sinch_numbers rents in parallel).
    fresh = [n for n in listed if n["phone_number"] not in listed_before and not n.get("display_name")
             and claimed_name(n) is None]
    if len(fresh) > 1:
        raise SinchPartialWriteError(
            "rentAny may have rented one of %s (the answer was lost and several numbers appeared): "
            "name the right one by phone_number and release the others" % ", ".join(n["phone_number"] for n in fresh),
            result={"changed": True})
    return fresh[0] if fresh else None
