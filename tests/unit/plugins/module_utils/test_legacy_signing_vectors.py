# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every worked example of the Number Administration document is a test vector of the signer.

tests/simulator/specs/legacy-number-administration.md signs its examples with the instance secret
bRo76GRddEyetgJDTgkLHA== and X-Timestamp 2015-06-20T11:43:10.944Z. They reproduce only when the
string to sign carries the content type application/json on every request (also a GET or DELETE
without a body) and the URL path without its leading '/'. The "Add numbers to an application"
example (PUT .../numbers/voice) reproduces only with the verb GET: a slip in the document, kept
here as it is written so the vector stays the document's own.
"""

from __future__ import annotations

import datetime
import json

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.legacy.signing import (
    instance_headers,
    signature,
    string_to_sign,
)

SECRET = "bRo76GRddEyetgJDTgkLHA=="
INSTANCE = "00a3ffb1-0808-4dd4-9c7d-e4383d82e445"
STAMP = "2015-06-20T11:43:10.944Z"
MOMENT = datetime.datetime(2015, 6, 20, 11, 43, 10, 944000, tzinfo=datetime.timezone.utc)
ORG = "/v1/organisations/id/8888123"
APP = "/v1/applications/key/bb7b4e39-4227-4913-8c81-2db4abb54fb3"


def compact(value):
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


# (section of the document, verb to sign, URL path, body, the document's signature)
VECTORS = [
    ("Get organisation", "GET", "/v1/organisations", b"", "bb9i9SGuw8mPspPF6WHzIZxw4yQxdOwGaDliMi+IhCU="),
    ("Get numbers available to rent", "GET", ORG + "/numbers/shop", b"",
     "jYJQFcgc1uh7DO2uQZyLu7rpxOc3jXjcuQNKWiHFJiI="),
    ("Reserve number(s)", "PUT", ORG + "/numbers/shop", compact({"groupId": 13, "quantity": 1}),
     "a6p7RYw8bMr3JuZh1LArvWTLJjIgCeQj5nsRZaXW7VQ="),
    ("Checkout reserved numbers", "POST", ORG + "/numbers/shop",
     compact({"referenceIds": ["c8b27491-3379-44f3-af31-fbbfbb2ba510"]}),
     "FN0oGGh6UAzdP8WVVwgbhXqUM2KJpHoWgjcgUKpS3bU="),
    ("List all rented numbers", "GET", ORG + "/numbers", b"", "PToDaAs7AiJDqGKZHCl3mayEigGWodVfg4fSlkAYLHg="),
    ("Get numbers assigned to an application", "GET", APP + "/numbers", b"",
     "VE1UwyOa8r9DscyBWGVZ43qEDn+SGJGoNe2aN8WrR+8="),
    # The document's request is a PUT; its signature is that of the same request with verb GET.
    ("Add numbers to an application (Overwrite)", "GET", APP + "/numbers/voice", compact({"numbers": [14150005550]}),
     "6mLYthlkatoYKkq15oI/RuwtC8sIwfJsPrSHkOLDmUM="),
    ("Remove a number from an application", "DELETE", APP + "/numbers/14150005551", b"",
     "EA85F4qGFB0+tYZUh68g22R8DgtzxpsCXttLq1NKPgM="),
]
IDS = [vector[0] for vector in VECTORS]


@pytest.mark.parametrize("section, method, path, body, expected", VECTORS, ids=IDS)
def test_the_documents_worked_example_signs_to_its_signature(section, method, path, body, expected):
    text = string_to_sign(method, body, "application/json", STAMP, path)
    assert signature(SECRET, text) == expected, section


@pytest.mark.parametrize("section, method, path, body, expected", VECTORS, ids=IDS)
def test_instance_headers_reproduce_the_documents_authorization_header(section, method, path, body, expected):
    headers = instance_headers(INSTANCE, SECRET, method, path, body, now=MOMENT)
    assert headers["X-Timestamp"] == STAMP
    assert headers["Authorization"] == "Instance %s:%s" % (INSTANCE, expected), section
    # what was signed is what is sent: the content type goes out on every signed request
    assert headers["Content-Type"] == "application/json"


def test_the_string_to_sign_of_a_get_without_body():
    text = string_to_sign("get", b"", "application/json", STAMP, "/v1/organisations")
    assert text == "GET\n\napplication/json\nx-timestamp:%s\nv1/organisations" % STAMP


def test_the_string_to_sign_of_a_body():
    body = compact({"groupId": 13, "quantity": 1})
    text = string_to_sign("PUT", body, "application/json", STAMP, ORG + "/numbers/shop")
    assert text == "PUT\nBKCnAAx1KstTZCD0hQLbkw==\napplication/json\nx-timestamp:%s\n%s" % (STAMP, ORG[1:] + "/numbers/shop")


def test_the_put_example_does_not_reproduce_with_its_own_verb():
    """The slip of the document, pinned: if a later edition fixes it, this test says so."""
    body = compact({"numbers": [14150005550]})
    text = string_to_sign("PUT", body, "application/json", STAMP, APP + "/numbers/voice")
    assert signature(SECRET, text) != "6mLYthlkatoYKkq15oI/RuwtC8sIwfJsPrSHkOLDmUM="


@pytest.mark.parametrize("content_type, path", [("", "/v1/organisations"), ("application/json", "/v1/organisations"),
                                                ("", "v1/organisations")])
def test_the_general_pages_rules_do_not_reproduce_this_documents_example(content_type, path):
    """The general "Signed Request" page: empty content type without a body, path with its '/'."""
    text = "GET\n\n%s\nx-timestamp:%s\n%s" % (content_type, STAMP, path)
    assert signature(SECRET, text) != "bb9i9SGuw8mPspPF6WHzIZxw4yQxdOwGaDliMi+IhCU="
