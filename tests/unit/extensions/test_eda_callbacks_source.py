# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The sinch.numbers.callbacks event source, loaded the way ansible-rulebook loads it (as runpy.run_path does).

Signatures are computed here with hmac directly, not with the collection's code, so a mistake in
the shared signature module cannot hide itself.
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import hmac
import json
import logging
import pathlib
import socket
import ssl

import pytest
import yaml
from aiohttp import ClientSession, TCPConnector
from aiohttp.test_utils import TestClient, TestServer

from ansible_collections.sinch.numbers.plugins.filter import valid_signature as filter_plugin

COLLECTION_ROOT = pathlib.Path(__file__).resolve().parents[3]
SOURCE_FILE = COLLECTION_ROOT / "extensions" / "eda" / "plugins" / "event_source" / "callbacks.py"


def run_path(path):
    """What runpy.run_path does for a plain file: execute it in a fresh namespace named <run_path>.

    runpy.run_path itself cannot be used here: under ansible-test, Ansible's collection loader is on
    sys.path_hooks and claims the file, so run_path takes it for a directory without __main__.
    ansible-rulebook runs it with runpy.run_path, which the end-to-end test (tests/eda) exercises.
    """
    namespace = {"__name__": "<run_path>", "__file__": str(path), "__builtins__": __builtins__}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # pylint: disable=exec-used
    return namespace


SOURCE = run_path(SOURCE_FILE)
NUMBERS_SECRET = "numbers-secret-Zq81"
REGISTRATIONS_SECRET = "registrations-secret-Pw03"
NUMBER_EVENT = {
    "eventId": "ev-1",
    "eventType": "PROVISIONING_TO_SMS_PLATFORM",
    "failureCode": "NUMBER_PROVISIONING_FAILED",
    "projectId": "demo-project",
    "resourceId": "+12065550100",
    "resourceType": "ACTIVE_NUMBER",
    "status": "FAILED",
    "timestamp": "2026-12-06T02:15:04.123456",
}
REGISTRATION_EVENT = {
    "comment": "Sender ID provisioned.",
    "eventId": "ev-2",
    "eventType": "REGISTRATION_STATUS_CHANGE",
    "projectId": "demo-project",
    "resourceId": "01hh51s80tpvjy7pe0mt6nd7at",
    "resourceType": "ALPHANUMERIC_SENDER_ID",
    "status": "APPROVED",
    "timestamp": "2026-12-06T02:15:05.000001",
}
ARGS = {"port": 5000, "numbers_hmac_secret": NUMBERS_SECRET, "registrations_hmac_secret": REGISTRATIONS_SECRET}


def signed(payload, secret):
    body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    return body, {"X-Sinch-Signature": hmac.new(secret.encode(), body, hashlib.sha1).hexdigest(),
                  "Content-Type": "application/json"}


def serve(args, scenario):
    """Run scenario(client, queue) against the source's application, as asyncio.run would."""

    async def run():
        queue = asyncio.Queue()
        receiver = SOURCE["Receiver"](SOURCE["Settings"](args, environ={}), queue)
        async with TestClient(TestServer(receiver.application())) as client:
            await scenario(client, queue)
        return queue

    return asyncio.run(run())


def drained(queue):
    items = []
    while not queue.empty():
        items.append(queue.get_nowait())
    return items


def test_the_source_and_the_filter_share_one_signature_implementation():
    shared = pathlib.Path(SOURCE["SIGNATURE"].__file__).resolve()
    assert shared == (COLLECTION_ROOT / "plugins" / "module_utils" / "callbacks" / "signature.py").resolve()
    assert pathlib.Path(filter_plugin.signature_matches.__code__.co_filename).resolve() == shared


def test_a_signed_numbers_callback_is_queued_as_a_normalised_event():
    body, headers = signed(NUMBER_EVENT, NUMBERS_SECRET)

    async def scenario(client, queue):
        response = await client.post("/sinch/numbers", data=body, headers=headers)
        assert response.status == 200
        assert queue.qsize() == 1

    [event] = drained(serve(ARGS, scenario))
    assert event == {
        "api": "numbers",
        "event_type": "PROVISIONING_TO_SMS_PLATFORM",
        "status": "FAILED",
        "phone_number": "+12065550100",
        "registration_id": None,
        "resource_type": "ACTIVE_NUMBER",
        "resource_id": "+12065550100",
        "event_id": "ev-1",
        "project_id": "demo-project",
        "timestamp": "2026-12-06T02:15:04.123456",
        "failure_code": "NUMBER_PROVISIONING_FAILED",
        "comment": None,
        "payload": NUMBER_EVENT,
    }


def test_a_signed_registration_callback_names_the_registration():
    body, headers = signed(REGISTRATION_EVENT, REGISTRATIONS_SECRET)

    async def scenario(client, _queue):
        assert (await client.post("/sinch/registrations", data=body, headers=headers)).status == 200

    [event] = drained(serve(ARGS, scenario))
    assert (event["api"], event["status"], event["registration_id"], event["phone_number"]) == (
        "registrations", "APPROVED", "01hh51s80tpvjy7pe0mt6nd7at", None)
    assert event["comment"] == "Sender ID provisioned."
    assert event["payload"] == REGISTRATION_EVENT


@pytest.mark.parametrize("headers", [
    {},
    {"X-Sinch-Signature": ""},
    {"X-Sinch-Signature": "0" * 40},
    # the right signature of the numbers API on the registrations path: each API has its own secret
    "numbers-signature",
    # a replay of a genuine body with one byte changed
    "tampered",
])
def test_unsigned_or_wrongly_signed_callbacks_are_refused_and_never_queued(headers, caplog):
    body, good = signed(REGISTRATION_EVENT, NUMBERS_SECRET)
    if headers == "numbers-signature":
        headers = good
    elif headers == "tampered":
        headers = good
        body = body.replace(b"APPROVED", b"REJECTED")

    async def scenario(client, _queue):
        response = await client.post("/sinch/registrations", data=body, headers=headers)
        assert response.status == 401

    caplog.set_level(logging.DEBUG)
    assert drained(serve(ARGS, scenario)) == []
    assert "refused a registrations callback" in caplog.text
    for secret in (NUMBERS_SECRET, REGISTRATIONS_SECRET):
        assert secret not in caplog.text


def test_a_redelivered_event_is_answered_but_queued_once():
    body, headers = signed(NUMBER_EVENT, NUMBERS_SECRET)
    other = dict(NUMBER_EVENT, eventId="ev-9")
    other_body, other_headers = signed(other, NUMBERS_SECRET)

    async def scenario(client, _queue):
        for data, sent in ((body, headers), (body, headers), (other_body, other_headers), (body, headers)):
            assert (await client.post("/sinch/numbers", data=data, headers=sent)).status == 200

    assert [event["event_id"] for event in drained(serve(ARGS, scenario))] == ["ev-1", "ev-9"]


def test_dedupe_window_zero_queues_every_delivery():
    body, headers = signed(NUMBER_EVENT, NUMBERS_SECRET)

    async def scenario(client, _queue):
        for _attempt in range(3):
            assert (await client.post("/sinch/numbers", data=body, headers=headers)).status == 200

    assert len(drained(serve(dict(ARGS, dedupe_window=0), scenario))) == 3


def test_the_dedupe_window_forgets_the_oldest_ids():
    recent = SOURCE["RecentIds"](2)
    assert [recent.seen(name) for name in ("a", "b", "a", "c", "a", "b")] == [False, False, True, False, False, False]


def test_bodies_too_large_or_not_json_objects_are_refused():
    big = dict(NUMBER_EVENT, padding="x" * 2048)
    big_body, big_headers = signed(big, NUMBERS_SECRET)
    list_body = b"[1, 2]"
    list_headers = {"X-Sinch-Signature": hmac.new(NUMBERS_SECRET.encode(), list_body, hashlib.sha1).hexdigest()}

    async def scenario(client, _queue):
        assert (await client.post("/sinch/numbers", data=big_body, headers=big_headers)).status == 413
        assert (await client.post("/sinch/numbers", data=list_body, headers=list_headers)).status == 400

    assert drained(serve(dict(ARGS, max_body_size=1024), scenario)) == []


def test_an_api_without_a_secret_has_no_path_and_health_shows_no_secret():
    body, headers = signed(REGISTRATION_EVENT, REGISTRATIONS_SECRET)

    async def scenario(client, _queue):
        assert (await client.post("/sinch/registrations", data=body, headers=headers)).status == 404
        assert (await client.get("/sinch/numbers")).status == 405
        health = await client.get("/health")
        assert health.status == 200
        text = await health.text()
        assert json.loads(text) == {"status": "ok", "apis": ["numbers"]}
        assert NUMBERS_SECRET not in text

    assert drained(serve({"port": 5000, "numbers_hmac_secret": NUMBERS_SECRET}, scenario)) == []


def test_custom_paths():
    body, headers = signed(NUMBER_EVENT, NUMBERS_SECRET)
    args = dict(ARGS, numbers_path="/hooks/n", health_path="/ready")

    async def scenario(client, _queue):
        assert (await client.post("/hooks/n", data=body, headers=headers)).status == 200
        assert (await client.post("/sinch/numbers", data=body, headers=headers)).status == 404
        assert (await client.get("/ready")).status == 200

    assert len(drained(serve(args, scenario))) == 1


def test_secrets_come_from_the_environment_when_not_given():
    settings = SOURCE["Settings"]({"port": "5001"}, environ={"SINCH_REGISTRATIONS_HMAC_SECRET": "from-env"})
    assert settings.secrets == {"registrations": "from-env"}
    assert settings.port == 5001
    assert settings.paths == {"/sinch/registrations": "registrations"}
    given = SOURCE["Settings"](dict(ARGS), environ={"SINCH_NUMBERS_HMAC_SECRET": "ignored"})
    assert given.secrets["numbers"] == NUMBERS_SECRET


@pytest.mark.parametrize("args, message", [
    ({"port": 5000}, "set numbers_hmac_secret or registrations_hmac_secret"),
    (dict(ARGS, port=None), "port must be an integer"),
    (dict(ARGS, port=70000), "port must be an integer from 1 to 65535"),
    (dict(ARGS, port="http"), "port must be an integer"),
    (dict(ARGS, port=True), "port must be an integer"),
    (dict(ARGS, numbers_secret="x"), "unknown option(s) numbers_secret"),
    (dict(ARGS, numbers_hmac_secret="  "), "numbers_hmac_secret must be a non-empty string"),
    (dict(ARGS, registrations_path="/sinch/numbers"), "must differ"),
    (dict(ARGS, health_path="health"), "health_path must start with '/'"),
    (dict(ARGS, max_body_size=0), "max_body_size must be an integer"),
    (dict(ARGS, dedupe_window=-1), "dedupe_window must be an integer"),
    (dict(ARGS, keyfile="/tmp/key.pem"), "keyfile and password need certfile"),
])
def test_bad_options_fail_before_listening_without_showing_secrets(args, message):
    with pytest.raises(ValueError) as error:
        SOURCE["Settings"](args, environ={})
    assert message in str(error.value)
    assert NUMBERS_SECRET not in str(error.value) and REGISTRATIONS_SECRET not in str(error.value)


def test_arguments_ansible_rulebook_adds_are_ignored():
    assert SOURCE["Settings"](dict(ARGS, eda_feedback_queue=object()), environ={}).port == 5000


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    certfile, keyfile = tmp_path / "cert.pem", tmp_path / "key.pem"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.BestAvailableEncryption(b"key-pass")))
    return certfile, keyfile


def test_main_serves_https_until_cancelled(tmp_path):
    """main() as ansible-rulebook calls it: TLS with a password-protected key, then a clean stop."""
    certfile, keyfile = self_signed(tmp_path)
    port = free_port()
    args = dict(ARGS, host="127.0.0.1", port=port, certfile=str(certfile), keyfile=str(keyfile), password="key-pass")
    body, headers = signed(NUMBER_EVENT, NUMBERS_SECRET)

    async def run():
        queue = asyncio.Queue()
        task = asyncio.ensure_future(SOURCE["main"](queue, args))
        context = ssl.create_default_context(cafile=str(certfile))
        async with ClientSession(connector=TCPConnector(ssl=context)) as session:
            for _attempt in range(100):
                try:
                    async with session.post("https://localhost:%d/sinch/numbers" % port, data=body,
                                            headers=headers) as response:
                        assert response.status == 200
                        break
                except OSError:
                    await asyncio.sleep(0.05)
            else:
                pytest.fail("the source did not start listening")
        task.cancel()
        await asyncio.wait_for(task, 5)
        return drained(queue)

    assert [event["event_id"] for event in asyncio.run(run())] == ["ev-1"]


def test_a_wrong_key_password_fails_clearly(tmp_path):
    certfile, keyfile = self_signed(tmp_path)
    settings = SOURCE["Settings"](dict(ARGS, certfile=str(certfile), keyfile=str(keyfile), password="wrong"),
                                  environ={})
    with pytest.raises(ValueError, match="cannot load certfile") as error:
        settings.ssl_context()
    assert "wrong" not in str(error.value).replace(str(tmp_path), "")


def test_the_documentation_lists_exactly_the_options_the_source_reads():
    documented = yaml.safe_load(SOURCE["DOCUMENTATION"])["options"]
    assert set(documented) == set(SOURCE["OPTIONS"])
    for name, default in SOURCE["DEFAULTS"].items():
        assert documented[name]["default"] == default, name
    assert yaml.safe_load(SOURCE["EXAMPLES"])
