# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""RegistrationsApi against the simulator, which refuses Basic credentials as the real API does."""

from __future__ import annotations

import base64

import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import LocalFile, sha256
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import RegistrationsApi
from ansible_collections.sinch.numbers.tests.simulator.core.auth import TokenStore

from ..plugin_utils.running_simulator import KEY_ID, KEY_SECRET, PROJECT  # noqa: F401
from ..plugin_utils.running_simulator import running_simulator, simulator  # noqa: F401  pylint: disable=unused-import

DETAILS = [{"sender_id_details": [{"senderId": "ACME", "useCase": "Alerts"}],
            "additional_details": [{"companyName": "ACME AB", "email": "ops@acme.example"}]}]


def make_api(simulator, **extra):  # pylint: disable=redefined-outer-name
    config = ClientConfig(**simulator.options(registrations_url=simulator.url, **extra))
    return RegistrationsApi(SinchClient(config))


def api_requests(simulator):  # pylint: disable=redefined-outer-name
    return [entry for entry in simulator.requests() if entry["path"].startswith("/v1/")]


def test_the_simulator_refuses_basic_credentials(simulator):  # pylint: disable=redefined-outer-name
    basic = "Basic " + base64.b64encode(("%s:%s" % (KEY_ID, KEY_SECRET)).encode()).decode()
    response = requests.get("%s/v1/projects/%s/registrations" % (simulator.url, PROJECT),
                            headers={"Authorization": basic}, timeout=5)
    assert response.status_code == 401


def test_with_auth_method_basic_every_request_carries_a_token(simulator, tmp_path):  # pylint: disable=redefined-outer-name
    api = make_api(simulator, auth_method="basic")
    created = api.create_registration({"policy_id": "pol-se-alpha-2", "request_details": DETAILS, "tags": ["#t"]})
    letter = tmp_path / "loa.pdf"
    letter.write_bytes(b"%PDF-1.4 signed")
    api.upload_attachment(created["id"], "att-loa", LocalFile(str(letter)))
    assert sha256(api.download_attachment(created["id"], "att-loa")) == sha256(b"%PDF-1.4 signed")
    assert api.get_registration(created["id"])["request_details"] == DETAILS
    assert [item["id"] for item in api.list_registrations({"tags": ["#t"]})] == [created["id"]]
    api.update_callback_configuration("hook-secret")
    assert api.get_callback_configuration() == {"project_id": PROJECT, "hmac_secret": "hook-secret"}
    assert {entry["auth"] for entry in api_requests(simulator)} == {"bearer"}
    assert [entry["path"] for entry in simulator.requests()].count("/oauth2/token") == 1


def test_an_expired_token_is_renewed_once(simulator):  # pylint: disable=redefined-outer-name
    api = make_api(simulator)
    assert api.get_registration("01missing") is None
    # The auth server forgets every token it issued: the cached one is now refused.
    simulator.sim.tokens = TokenStore()
    assert len(api.list_markets("ALPHANUMERIC_SENDER_ID")) == 4
    log = simulator.requests()
    assert [entry["path"] for entry in log].count("/oauth2/token") == 2
    assert [entry["status"] for entry in api_requests(simulator)] == [404, 401, 200]
