# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shared input validators (core/inputs.py, core/config.check_url) and secret masking in headers."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig, check_url
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchApiError,
    SinchInputError,
    register_secret,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.inputs import (
    check_callback_url,
    check_number_pattern,
    screen_options,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import check_hostable_number, normalize_order

from .fake_session import make_response

SPEC = {
    "display_name": {"type": "str"},
    "region_code": {"type": "str"},
    "capabilities": {"type": "list", "elements": "str"},
    "sms_configuration": {"type": "dict", "options": {"service_plan_id": {"type": "str"}}},
    "callback_url": {"type": "str"},
    "number_pattern": {"type": "str"},
}


@pytest.mark.parametrize("raw, message", [
    ({"display_name": None}, "display_name is null"),
    ({"display_name": "  "}, "display_name must not be empty"),
    ({"region_code": "S\x00E"}, "region_code contains a control character"),
    ({"region_code": "x" * 5000}, "at most 2048"),
    ({"sms_configuration": {"service_plan_id": ["a", "b"]}}, "sms_configuration.service_plan_id must be a string, got a list"),
    ({"sms_configuration": {"service_plan_id": {"a": 1}}}, "got a dictionary"),
    ({"capabilities": ["SMS\x00"]}, r"capabilities[0] contains a control character"),
    ({"callback_url": "not a url"}, "is not an http(s) URL"),
    ({"callback_url": "ftp://example.com/x"}, "is not an http(s) URL"),
    ({"callback_url": "https://u:p@example.com/x"}, "must not carry credentials"),
    ({"callback_url": "https://example.com/x#frag"}, "must not have a #fragment"),
    ({"number_pattern": "12a"}, "must be digits"),
])
def test_screen_refuses(raw, message):
    with pytest.raises(SinchInputError) as caught:
        screen_options(raw, SPEC)
    assert message in str(caught.value)


def test_screen_accepts_ordinary_values():
    screen_options({"display_name": "alerts 1", "region_code": "US", "capabilities": ["SMS"],
                    "sms_configuration": {"service_plan_id": "p"}, "callback_url": "https://example.com/cb?x=1",
                    "number_pattern": "+1206", "unknown": None}, SPEC)
    assert check_callback_url("http://127.0.0.1:8080/cb") == "http://127.0.0.1:8080/cb"
    assert check_number_pattern("206") == "206"


@pytest.mark.parametrize("value", ["ſe", "SE\u0301", "S", "SEE", "S1"])
def test_region_codes_are_ascii_letters_only(value):
    with pytest.raises(SinchInputError):
        normalize_region(value)


def test_region_codes_are_still_upper_cased():
    assert normalize_region(" se ") == "SE"


def test_qualified_numbers_are_plus_one_only():
    assert check_hostable_number("+12025550134") == "+12025550134"
    with pytest.raises(SinchInputError, match=r"not a US or Canadian number"):
        check_hostable_number("+46701234567")


@pytest.mark.parametrize("url, message", [
    ("http://numbers.example.com", "uses plain http"),
    ("http://10.0.0.1:8080", "uses plain http"),
    ("https://user:hunter2-pass@numbers.example.com", "must not carry credentials"),
    ("ftp://numbers.example.com", "is not an http(s) URL"),
    ("https://", "is not an http(s) URL"),
    ("https://host:port", "is not a URL"),
])
def test_unsafe_base_urls_are_refused_without_printing_a_password(url, message):
    with pytest.raises(SinchInputError) as caught:
        check_url("numbers_url", url)
    assert message in str(caught.value)
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9999", "http://localhost", "http://[::1]:80", "https://x.example"])
def test_loopback_http_and_https_are_accepted(url):
    check_url("numbers_url", url)


def test_plain_http_to_a_remote_host_needs_the_opt_in():
    check_url("numbers_url", "http://numbers.example.com", allow_http=True)
    config = ClientConfig(key_id="k", key_secret="s", project_id="p", numbers_url="http://numbers.example.com")
    with pytest.raises(SinchInputError, match="allow_http"):
        config.check()
    ClientConfig(key_id="k", key_secret="s", project_id="p", numbers_url="http://numbers.example.com",
                 allow_http=True).check()


def test_a_secret_echoed_in_a_response_header_is_masked():
    register_secret("Basic a2lkOnZlcnktc2VjcmV0")
    response = make_response(500, {"error": {"message": "boom", "status": "INTERNAL"}},
                             {"x-request-id": "Basic a2lkOnZlcnktc2VjcmV0"})
    error = SinchApiError.from_response(response, "GET", "https://x")
    assert "a2lkOnZlcnktc2VjcmV0" not in str(error)
    assert "a2lkOnZlcnktc2VjcmV0" not in repr(error.to_dict())


def test_a_hosting_order_keeps_one_loa_block_with_names():
    order = normalize_order({"hosting_order_info": {"loa_type": 1}, "text_enable_info": {"loa_type": "DIRECT"}})
    assert order == {"text_enable_info": {"loa_type": "DIRECT"}}
    assert normalize_order({"hosting_order_info": {"loa_type": 1}})["text_enable_info"]["loa_type"] != 1
