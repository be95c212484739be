# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The active_numbers inventory plugin against the simulator."""

from __future__ import annotations

import base64

import pytest
import yaml
from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.inventory import Constructable
from ansible.plugins.loader import inventory_loader
from ansible.template import Templar

try:
    from ansible.template import trust_as_template
except ImportError:  # ansible-core < 2.19 has no trust tags: every template string is trusted
    def trust_as_template(value):
        return value

from ansible_collections.sinch.numbers.plugins.inventory.active_numbers import (
    NOT_A_PATH,
    host_variables,
    resolve_variable_path,
)

from ..plugin_utils.running_simulator import KEY_ID, KEY_SECRET

GROUPING = {
    "keyed_groups": [
        {"key": "sinch_region_code", "prefix": "region"},
        {"key": "sinch_type", "prefix": "type"},
        {"key": "sinch_capability", "prefix": "capability"},
    ],
    "groups": {"support": "sinch_display_name is match('support-')"},
    "compose": {"service_plan": "sinch_sms_configuration.service_plan_id"},
}


def seed_data(simulator):
    simulator.seed(regionCode="US", type="LOCAL", count=3, displayNamePrefix="support-",
                   smsConfiguration={"servicePlanId": "plan-support"})
    simulator.seed(regionCode="US", type="TOLL_FREE", count=2, capability=["VOICE"], displayNamePrefix="ivr-")
    simulator.seed(regionCode="GB", type="MOBILE", count=2, capability=["SMS"], displayNamePrefix="alerts-")
    simulator.clear_log()


def write_source(tmp_path, settings, name="numbers.sinch.yml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(dict({"plugin": "sinch.numbers.active_numbers"}, **settings)))
    return str(path)


def load(path, cache=True):
    """As ansible-inventory does it: the manager picks the plugin (through 'auto') and saves the cache."""
    return InventoryManager(loader=DataLoader(), sources=[path], cache=cache)


def members(inventory, group):
    return sorted(host.name for host in inventory.groups[group].get_hosts())


@pytest.mark.parametrize("name, accepted", [
    ("numbers.sinch.yml", True), ("numbers.sinch.yaml", True), ("sinch.yml", True),
    ("numbers.yml", False), ("numbers.sinch.json", False),
])
def test_verify_file_accepts_only_sinch_yml(tmp_path, name, accepted):
    path = tmp_path / name
    path.write_text("plugin: sinch.numbers.active_numbers\n")
    assert inventory_loader.get("sinch.numbers.active_numbers").verify_file(str(path)) is accepted


def test_hosts_are_numbers_with_prefixed_vars_and_no_credentials(simulator, tmp_path):
    seed_data(simulator)
    inventory = load(write_source(tmp_path, simulator.options(region_codes=["US", "GB"])))
    hosts = sorted(inventory.hosts)
    assert hosts == ["+12062000000", "+12062000001", "+12062000002", "+18332000000", "+18332000001",
                     "+447400000000", "+447400000001"]
    hostvars = inventory.get_host("+12062000000").get_vars()
    assert hostvars["ansible_connection"] == "local"
    assert hostvars["ansible_python_interpreter"] == "{{ ansible_playbook_python }}"
    assert hostvars["sinch_display_name"] == "support-1"
    assert hostvars["sinch_sms_configuration"]["service_plan_id"] == "plan-support"
    assert hostvars["sinch_capability"] == ["SMS", "VOICE"]
    magic = ("inventory_file", "inventory_dir", "inventory_hostname", "inventory_hostname_short", "group_names")
    own = {key for key in hostvars if key not in magic}
    assert own == {"ansible_connection", "ansible_python_interpreter"} | {key for key in own if key.startswith("sinch_")}
    assert KEY_SECRET not in repr(hostvars) and KEY_ID not in repr(hostvars)


def test_the_interpreter_is_the_playbook_python_when_a_task_runs(simulator, tmp_path):
    seed_data(simulator)
    inventory = load(write_source(tmp_path, simulator.options(region_codes=["GB"])))
    hostvars = inventory.get_host("+447400000000").get_vars()
    # as the executor templates it for a task (ansible-core 2.19 and later template only trusted strings)
    value = Templar(loader=DataLoader(), variables={"ansible_playbook_python": "/venv/bin/python"}).template(
        hostvars["ansible_python_interpreter"])
    assert value == "/venv/bin/python"


@pytest.mark.parametrize("settings, connection", [
    ({"local_connection": False}, {}),
    ({"python_interpreter": "/usr/bin/python3"}, {"ansible_connection": "local",
                                                  "ansible_python_interpreter": "/usr/bin/python3"}),
    ({"python_interpreter": "", "hostvars_prefix": "", "hostname": " "},
     {"ansible_connection": "local", "ansible_python_interpreter": "{{ ansible_playbook_python }}"}),
])
def test_connection_variables_can_be_changed_or_left_out(simulator, tmp_path, settings, connection):
    seed_data(simulator)
    inventory = load(write_source(tmp_path, simulator.options(region_codes=["GB"], **settings)))
    hostvars = inventory.get_host("+447400000000").get_vars()
    assert {key: hostvars[key] for key in hostvars if key.startswith("ansible_")} == connection
    assert hostvars["sinch_display_name"] == "alerts-1"


def test_prefix_and_hostname_template(simulator, tmp_path):
    seed_data(simulator)
    source = simulator.options(region_codes=["GB"], hostvars_prefix="number_", hostname="{{ number_display_name }}",
                               keyed_groups=[{"key": "number_type", "prefix": "type"}],
                               compose={"plan": "number_sms_configuration.service_plan_id"})
    inventory = load(write_source(tmp_path, source))
    assert sorted(inventory.hosts) == ["alerts-1", "alerts-2"]
    hostvars = inventory.get_host("alerts-1").get_vars()
    assert hostvars["number_phone_number"] == "+447400000000"
    assert not [key for key in hostvars if key.startswith("sinch_")]
    assert members(inventory, "type_MOBILE") == ["alerts-1", "alerts-2"]
    assert hostvars["plan"] == ""

    templated = load(write_source(tmp_path, simulator.options(
        region_codes=["GB"], hostname="{{ sinch_display_name | upper }}-{{ sinch_phone_number[-2:] }}")))
    assert sorted(templated.hosts) == ["ALERTS-1-00", "ALERTS-2-01"]


@pytest.mark.parametrize("settings, message", [
    ({"hostname": "{{ sinch_region_code }}"}, "hostname '{{ sinch_region_code }}' gives 'GB' for both +447400000000 "
                                              "and +447400000001: every number needs a different host name"),
    ({"hostname": "{{ sinch_callback_url }}"}, "a host name must be a non-empty string"),
    ({"hostname": "{{ nope }}"}, "hostname '{{ nope }}' fails for +447400000000"),
    ({"hostvars_prefix": "sinch-"}, "hostvars_prefix 'sinch-' must be letters, digits and underscores"),
])
def test_bad_host_naming_fails_clearly(simulator, tmp_path, settings, message):
    seed_data(simulator)
    plugin = inventory_loader.get("sinch.numbers.active_numbers")
    path = write_source(tmp_path, simulator.options(region_codes=["GB"], **settings))
    with pytest.raises(AnsibleParserError) as caught:
        plugin.parse(InventoryData(), DataLoader(), path)
    assert message in str(caught.value)


def test_empty_sinch_variables_as_awx_injects_them(simulator, tmp_path, monkeypatch):
    seed_data(simulator)
    for name, value in simulator.environment().items():
        monkeypatch.setenv(name, value)
    for name in ("SINCH_AUTH_METHOD", "SINCH_IMPORTED_NUMBERS_URL", "SINCH_REGISTRATIONS_URL", "SINCH_VALIDATE_CERTS",
                 "SINCH_TIMEOUT", "SINCH_RETRIES"):
        monkeypatch.setenv(name, "")
    inventory = load(write_source(tmp_path, {"region_codes": ["GB"], "display_name_pattern": "", "page_size": ""}))
    assert sorted(inventory.hosts) == ["+447400000000", "+447400000001"]


def test_keyed_groups_groups_and_compose(simulator, tmp_path):
    seed_data(simulator)
    inventory = load(write_source(tmp_path, dict(simulator.options(region_codes=["US", "GB"]), **GROUPING)))
    assert members(inventory, "region_US") == ["+12062000000", "+12062000001", "+12062000002",
                                               "+18332000000", "+18332000001"]
    assert members(inventory, "region_GB") == ["+447400000000", "+447400000001"]
    assert members(inventory, "type_TOLL_FREE") == ["+18332000000", "+18332000001"]
    assert members(inventory, "capability_SMS") == ["+12062000000", "+12062000001", "+12062000002",
                                                    "+447400000000", "+447400000001"]
    assert members(inventory, "capability_VOICE") == ["+12062000000", "+12062000001", "+12062000002",
                                                      "+18332000000", "+18332000001"]
    assert members(inventory, "support") == ["+12062000000", "+12062000001", "+12062000002"]
    assert inventory.get_host("+12062000001").get_vars()["service_plan"] == "plan-support"
    assert inventory.get_host("+447400000000").get_vars()["service_plan"] == ""


def test_values_from_the_api_are_never_templated(simulator, tmp_path):
    simulator.seed(regionCode="SE", type="LOCAL", count=1, displayNamePrefix="{{ 6 * 7 }}-")
    inventory = load(write_source(tmp_path, dict(simulator.options(region_codes=["SE"]),
                                                 compose={"label": "sinch_display_name"})))
    host = inventory.get_host("+4685000000")
    assert host.get_vars()["label"] == "{{ 6 * 7 }}-1"


def test_filters_narrow_the_listing(simulator, tmp_path):
    seed_data(simulator)
    source = dict(simulator.options(region_codes=["US"], capabilities=["VOICE"], display_name_pattern="ivr-*"))
    inventory = load(write_source(tmp_path, source))
    assert sorted(inventory.hosts) == ["+18332000000", "+18332000001"]
    queries = [entry["query"] for entry in simulator.list_requests()]
    assert len(queries) == 3  # US x three types, capability filtered by the API
    assert all(query["capability"] == ["VOICE"] for query in queries)


def test_many_pages_take_ceil_n_over_page_size_requests(simulator, tmp_path):
    simulator.seed(regionCode="US", type="MOBILE", count=25)
    simulator.clear_log()
    inventory = load(write_source(tmp_path, simulator.options(region_codes=["US"], number_types=["MOBILE"],
                                                              page_size=10)))
    assert len(inventory.hosts) == 25
    assert len(simulator.list_requests()) == 3


def test_credentials_from_the_environment(simulator, tmp_path, monkeypatch):
    seed_data(simulator)
    for name, value in simulator.environment().items():
        monkeypatch.setenv(name, value)
    inventory = load(write_source(tmp_path, {"region_codes": ["GB"]}))
    assert sorted(inventory.hosts) == ["+447400000000", "+447400000001"]


def cached_source(tmp_path, simulator, **settings):
    source = dict(simulator.options(region_codes=["US", "GB"]), cache=True, cache_plugin="ansible.builtin.jsonfile",
                  cache_connection=str(tmp_path / "cache"), cache_timeout=600)
    source.update(settings)
    return write_source(tmp_path, source)


def test_second_run_is_served_from_the_cache_which_holds_no_credentials(simulator, tmp_path):
    seed_data(simulator)
    path = cached_source(tmp_path, simulator)
    first = load(path)
    assert len(simulator.list_requests()) == 6
    simulator.clear_log()

    second = load(path)
    assert simulator.requests() == []
    assert sorted(second.hosts) == sorted(first.hosts)
    assert second.get_host("+12062000000").get_vars()["sinch_display_name"] == "support-1"

    files = list((tmp_path / "cache").iterdir())
    assert files
    basic = base64.b64encode(("%s:%s" % (KEY_ID, KEY_SECRET)).encode()).decode()
    for cache_file in files:
        content = cache_file.read_text()
        assert KEY_SECRET not in content and basic not in content and KEY_ID not in content


def test_refresh_bypasses_the_cache_and_updates_it(simulator, tmp_path):
    seed_data(simulator)
    path = cached_source(tmp_path, simulator)
    load(path)
    simulator.seed(regionCode="GB", type="MOBILE", count=1)
    simulator.clear_log()

    refreshed = load(path, cache=False)  # ansible-inventory --flush-cache, meta: refresh_inventory
    assert len(simulator.list_requests()) == 6
    assert len(refreshed.hosts) == 8
    simulator.clear_log()
    assert len(load(path).hosts) == 8
    assert simulator.requests() == []


def test_changed_filters_do_not_reuse_the_cache(simulator, tmp_path):
    seed_data(simulator)
    load(cached_source(tmp_path, simulator))
    simulator.clear_log()
    narrowed = load(cached_source(tmp_path, simulator, region_codes=["GB"]))
    assert sorted(narrowed.hosts) == ["+447400000000", "+447400000001"]
    assert len(simulator.list_requests()) == 3


def test_expired_cache_is_listed_again(simulator, tmp_path):
    seed_data(simulator)
    path = cached_source(tmp_path, simulator, cache_timeout=-1)
    load(path)
    simulator.clear_log()
    load(path)
    assert len(simulator.list_requests()) == 6


@pytest.mark.parametrize("settings, message", [
    ({"regions": ["US"]}, "unknown option 'regions' (did you mean 'region_codes'?)"),
    ({"region_codes": ["USA"]}, "region_codes 'USA' is not an ISO 3166-1 alpha-2 region code"),
    ({"number_pattern": "12a"}, "number_pattern '12a' must be digits"),
    ({"page_size": 5000}, "page_size must be a whole number from 1 to 1000"),
    ({"key_secret": None}, "missing Sinch credentials: key_secret"),
    # choices are checked by ansible-core itself (AnsibleOptionsError), worded differently by each version
    ({"number_types": ["FAX"]}, ("Invalid value", "['FAX']", "number_types")),
])
def test_bad_options_give_a_clear_error_before_any_request(simulator, tmp_path, settings, message):
    source = simulator.options()
    source.update(settings)
    path = write_source(tmp_path, {k: v for k, v in source.items() if v is not None})
    plugin = inventory_loader.get("sinch.numbers.active_numbers")
    with pytest.raises(AnsibleError) as caught:
        plugin.parse(InventoryData(), DataLoader(), path)
    for part in message if isinstance(message, tuple) else (message,):
        assert part in str(caught.value)
    assert KEY_SECRET not in str(caught.value)
    assert simulator.requests() == []


def test_api_errors_name_the_source_and_hide_the_secret(simulator, tmp_path):
    path = write_source(tmp_path, simulator.options(key_secret="wrong-" + KEY_SECRET, region_codes=["US"]))
    plugin = inventory_loader.get("sinch.numbers.active_numbers")
    with pytest.raises(AnsibleParserError) as caught:
        plugin.parse(InventoryData(), DataLoader(), path)
    message = str(caught.value)
    assert path in message and "401" in message
    assert KEY_SECRET not in message


@pytest.mark.parametrize("expression", [
    "sinch_type", " sinch_region_code ", "sinch_sms_configuration.service_plan_id", "sinch_capability",
    "sinch_sms_configuration.scheduled_provisioning", "sinch_money.items", "sinch_missing", "sinch_type.upper",
    "sinch_type | lower", "sinch_capability[0]", "'sinch_type'", "other_name",
])
def test_bare_references_resolve_as_the_template_engine_does(expression):
    number = {"phone_number": "+12065550100", "type": "LOCAL", "region_code": "US", "capability": ["SMS"],
              "money": {"items": "x", "amount": "1.00"},
              "sms_configuration": {"service_plan_id": "plan", "scheduled_provisioning": None}}
    variables = dict(host_variables(number), other_name="o")
    plugin = inventory_loader.get("sinch.numbers.active_numbers")
    plugin.templar = Templar(loader=DataLoader())
    plugin.set_options(direct={"plugin": "sinch.numbers.active_numbers"})
    expression = trust_as_template(expression)  # as _read_config_data loads the source file
    try:
        expected = Constructable._compose(plugin, expression, variables)  # pylint: disable=protected-access
    except AnsibleError:
        expected = "undefined"
    try:
        actual = plugin._compose(expression, variables)  # pylint: disable=protected-access
    except AnsibleError:
        actual = "undefined"
    assert actual == expected


def test_only_bare_references_to_number_fields_skip_the_template_engine():
    variables = host_variables({"type": "LOCAL", "money": {"items": "x"}, "sms_configuration": {"service_plan_id": "p"}})
    variables["other_name"] = "o"
    assert resolve_variable_path("sinch_type", variables) == "LOCAL"
    assert resolve_variable_path("sinch_sms_configuration.service_plan_id", variables) == "p"
    for expression in ("sinch_money.items", "sinch_missing", "other_name", "sinch_type | lower", "sinch_type.upper", None):
        assert resolve_variable_path(expression, variables) is NOT_A_PATH, expression
