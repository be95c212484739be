# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A ~/.netrc naming the API host does not replace the client's own credentials."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NumbersApi

from ..plugin_utils.running_simulator import running_simulator, simulator  # noqa: F401  pylint: disable=unused-import


def test_a_netrc_entry_for_the_host_is_not_sent(simulator, tmp_path, monkeypatch):  # pylint: disable=redefined-outer-name
    clear_token_cache()
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login someone-else password not-the-key\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HOME", str(tmp_path))
    client = SinchClient(ClientConfig(**simulator.options()))
    # requests would put the netrc login into the Authorization header: the simulator would answer 401.
    assert NumbersApi(client).list_regions()
    assert [entry["path"] for entry in simulator.requests()][-1].endswith("availableRegions")
