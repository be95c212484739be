# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A scripted stand-in for requests.Session, for testing the client's policies offline."""

from __future__ import annotations

import json

import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig


def make_response(status, body=None, headers=None):
    response = requests.Response()
    response.status_code = status
    response._content = b"" if body is None else json.dumps(body).encode("utf-8")
    response.headers.update(headers or {})
    response.reason = "scripted"
    return response


class FakeSession:
    """Answers each request with the next scripted item (a Response or an exception)."""

    def __init__(self, *script):
        self.script = list(script)
        self.calls = []
        self.headers = {}

    def request(self, method, url, **kwargs):
        self.calls.append({"method": method, "url": url, **kwargs})
        item = self.script.pop(0)
        if isinstance(item, Exception):
            raise item
        return item


def scripted_client(*script, **config):
    """A SinchClient answered by the script; returns it, its FakeSession and the back-off sleeps."""
    settings = dict(key_id="kid", key_secret="very-secret", project_id="p", retries=3, retry_max_delay=5)
    settings.update(config)
    sleeps = []
    client = SinchClient(ClientConfig(**settings), session=FakeSession(*script), sleep=sleeps.append)
    return client, client.session, sleeps
