# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A project's callback configuration (its webhook HMAC secret) as a managed resource.

The secret is never returned, logged or shown in a diff. Instead of the secret, results and
diffs carry a tag: an HMAC of the secret under a random key that exists only during this run.
Equal tags mean equal secrets, and nothing about the secret can be learned from a tag.

When the API shows the secret, it is compared. When the API hides it (answers asterisks),
update_secret decides: 'always' writes it on every run, 'on_create' only when no secret is set.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.api import callback_api, secret_state
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource

UNREADABLE = "<hidden: the API does not show it>"


def _shown_secret(configuration):
    """The secret as the API shows it; None when it hides it (a masked secret proves nothing)."""
    shown = secret_state(configuration) == "clear"
    return {"hmac_secret": configuration["hmac_secret"] if shown else None}


class CallbackConfigResource(Resource):
    name = "callback_config"

    def __init__(self, module):
        super().__init__(module)
        self.api = callback_api(self.client, self.params["api"])
        self._tag_key = os.urandom(32)

    def tag(self, secret):
        return "<hidden %s>" % hmac.new(self._tag_key, secret.encode("utf-8"), hashlib.sha256).hexdigest()[:12]

    def validate(self):
        secret = self.params["hmac_secret"]
        if not secret or secret != secret.strip():
            # Never echo the value: it is a secret.
            raise SinchInputError("hmac_secret must be a non-empty string without leading or trailing whitespace")

    def read(self):
        configuration = self.api.get()
        state = secret_state(configuration)
        view = {
            "api": self.params["api"],
            "project_id": configuration.get("project_id") or self.client.config.project_id,
            "hmac_secret_set": state != "unset",
            "hmac_secret": None,
        }
        if state == "clear":
            view["hmac_secret"] = self.tag(configuration["hmac_secret"])
        elif state == "masked":
            # Set, but unreadable: 'on_create' leaves it alone (it counts as what is wanted).
            wanted = self.params["update_secret"] == "on_create"
            view["hmac_secret"] = self.tag(self.params["hmac_secret"]) if wanted else UNREADABLE
        return view

    def desired(self):
        # hmac_secret_set too, so that check mode predicts what the write returns.
        return {"hmac_secret": self.tag(self.params["hmac_secret"]), "hmac_secret_set": True}

    def create(self, desired):
        # read() always answers a configuration; there is nothing to create separately.
        return self.update(None, desired, desired)

    def update(self, current, changes, desired):
        # After a lost answer the configuration is read back first (docs/reliability.md): a secret the
        # API shows is compared and not sent again when it is already set; a hidden one cannot be
        # verified and is sent again (setting the same secret twice leaves the same state).
        secret = self.params["hmac_secret"]
        configuration = self.client.update_once(lambda: self.api.update(secret), self.api.get,
                                                {"hmac_secret": secret}, _shown_secret)
        return {
            "api": self.params["api"],
            "project_id": configuration.get("project_id") or self.client.config.project_id,
            "hmac_secret_set": True,
            "hmac_secret": desired["hmac_secret"],
        }

    def delete(self, current):
        # Unreachable: the module has no state option, because neither API can delete it.
        raise SinchInputError("a callback configuration cannot be deleted")
