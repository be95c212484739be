# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""numbers/number_set_resource.py (the sinch_numbers module's core) against the simulator.

Requests are counted in the simulator's log; the shared 429 back-off is judged by a frozen clock
and recorded sleeps, never by wall time.
"""

from __future__ import annotations

import threading
from urllib.parse import unquote

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchInputError,
    SinchPartialWriteError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.throttle import SharedBackoff
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_options import number_options
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_set_resource import NumberSet

from ..plugin_utils.running_simulator import running_simulator, simulator  # noqa: F401  pylint: disable=unused-import

WRITES = ("POST", "PATCH", "DELETE", "PUT")


class FakeModule:
    """What NumberSet reads of SinchModule: params (as AnsibleModule fills them), modes, the client."""

    def __init__(self, client, numbers, check_mode=False, diff_mode=False, **params):
        self.client = client
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.params = dict(active_numbers=[with_defaults(item, number_options()) for item in numbers], exclusive_scope=None,
                           concurrency=4, page_size=1000, wait=False, wait_timeout=30, wait_interval=0.1)
        if params.get("exclusive_scope"):
            params["exclusive_scope"] = dict({"allow_release": False}, **params["exclusive_scope"])
        self.params.update(params)


def with_defaults(given, spec):
    """An item as AnsibleModule hands it over: every option present, defaults filled in."""
    item = {}
    for name, option in spec.items():
        value = given.get(name, option.get("default"))
        if isinstance(value, dict) and option.get("options"):
            value = with_defaults(value, option["options"])
        item[name] = value
    return item


def run(sim, numbers, client=None, **params):
    client = client or SinchClient(ClientConfig(**sim.options(retries=2)))
    return NumberSet(FakeModule(client, numbers, **params)).run()


def writes(sim):
    return [(entry["method"], entry["path"]) for entry in sim.requests() if entry["method"] in WRITES]


def lists(sim):
    return [entry for entry in sim.requests() if entry["method"] == "GET" and entry["path"].endswith("/activeNumbers")]


def seeded(sim, count, prefix, region="US", kind="LOCAL", plan="plan-old"):
    body = dict(count=count, regionCode=region, type=kind, capability=["SMS"], displayNamePrefix=prefix)
    if plan:
        body["smsConfiguration"] = {"servicePlanId": plan}
    sim.seed(**body)
    client = SinchClient(ClientConfig(**sim.options()))
    numbers = [n for n in NumbersApi(client).list_active(region, kind) if n["display_name"].startswith(prefix)]
    sim.clear_log()
    return sorted(numbers, key=lambda n: n["display_name"])


# ------------------------------------------------------------------------------ planning
def test_an_item_naming_a_number_is_rented_before_a_rent_any_item_could_take_it(simulator):  # pylint: disable=redefined-outer-name
    client = SinchClient(ClientConfig(**simulator.options()))
    # The number a rentAny of US LOCAL SMS takes first.
    first = NumbersApi(client).search_available("US", "LOCAL", capabilities=["SMS"], size=1)[0]["phone_number"]
    simulator.clear_log()
    result = run(simulator, [
        {"display_name": "any-1", "region_code": "US", "number_type": "LOCAL", "capabilities": ["SMS"]},
        {"phone_number": first, "display_name": "named-1"},
    ], concurrency=1)
    assert result["summary"] == {"rent": 2, "update": 0, "release": 0, "none": 0, "failed": 0}
    assert result["numbers"][1]["phone_number"] == first
    assert result["numbers"][0]["phone_number"] not in (None, first)
    rents = [path for method, path in writes(simulator) if method == "POST"]
    assert rents[0].endswith(":rent") and rents[1].endswith(":rentAny")


def test_a_converged_rerun_sends_no_write_and_one_list_per_region_and_type(simulator):  # pylint: disable=redefined-outer-name
    members = seeded(simulator, 30, "conv-")
    items = [{"phone_number": n["phone_number"], "display_name": n["display_name"], "region_code": "US",
              "number_type": "LOCAL", "sms_configuration": {"service_plan_id": "plan-old"}} for n in members]
    result = run(simulator, items, page_size=10)
    assert not result["changed"]
    assert writes(simulator) == []
    assert len(lists(simulator)) == 3  # ceil(30 / 10) pages of one listing
    assert len(simulator.requests()) == 3  # and no GET per item
    assert result["summary"]["none"] == 30
    assert all("number" not in entry and entry["phone_number"] for entry in result["numbers"])  # a small result


def test_a_change_sends_one_patch_per_changed_item_and_no_read_per_item(simulator):  # pylint: disable=redefined-outer-name
    members = seeded(simulator, 12, "chg-")
    items = [{"phone_number": n["phone_number"], "region_code": "US", "number_type": "LOCAL",
              "sms_configuration": {"service_plan_id": "plan-new" if index % 3 == 0 else "plan-old"}}
             for index, n in enumerate(members)]
    result = run(simulator, items)
    patched = sorted(path for method, path in writes(simulator))
    assert len(patched) == 4 and all(method == "PATCH" for method, _path in writes(simulator))
    assert patched == sorted("/v1/projects/%s/activeNumbers/%s" % (simulator.sim.settings.project_id, items[i]["phone_number"])
                             for i in (0, 3, 6, 9))
    assert len(simulator.requests()) == 1 + 4  # one listing, then the PATCHes
    assert [entry["action"] for entry in result["numbers"]] == ["update", "none", "none"] * 4
    assert result["applied"] == [items[i]["phone_number"] for i in (0, 3, 6, 9)]
    assert [("number" in entry) for entry in result["numbers"]] == [True, False, False] * 4
    assert "diff" not in result  # only with --diff


# ------------------------------------------------------------------------------ exclusive scope
def test_the_scope_releases_only_unlisted_numbers_of_its_prefix_and_only_when_allowed(simulator):  # pylint: disable=redefined-outer-name
    pool = seeded(simulator, 4, "pool-")
    others = seeded(simulator, 2, "other-")
    keep = [{"phone_number": pool[0]["phone_number"], "display_name": pool[0]["display_name"]}]
    scope = {"display_name_prefix": "pool-", "region_code": "US", "number_type": "LOCAL"}

    with pytest.raises(SinchInputError) as refused:
        run(simulator, keep, exclusive_scope=scope)
    assert "exclusive_scope.allow_release" in str(refused.value)
    assert all(n["phone_number"] in str(refused.value) for n in pool[1:])
    assert writes(simulator) == []

    result = run(simulator, keep, exclusive_scope=dict(scope, allow_release=True))
    sent = writes(simulator)
    assert len(sent) == 3 and all(method == "POST" and path.endswith(":release") for method, path in sent)
    assert sorted(unquote(path.rsplit("/", 1)[1][:-len(":release")]) for _method, path in sent) == \
        sorted(n["phone_number"] for n in pool[1:])
    assert sorted(result["released_unlisted"]) == sorted(n["phone_number"] for n in pool[1:])
    assert [entry["item"] for entry in result["numbers"]] == [0, None, None, None]
    left = {n["phone_number"] for n in NumbersApi(SinchClient(ClientConfig(**simulator.options()))).list_active("US", "LOCAL")}
    assert pool[0]["phone_number"] in left and all(n["phone_number"] in left for n in others)


# ------------------------------------------------------------------------------ check mode
def test_check_mode_predicts_every_action_and_sends_no_write(simulator):  # pylint: disable=redefined-outer-name
    pool = seeded(simulator, 3, "chk-")
    items = [
        {"phone_number": pool[0]["phone_number"], "sms_configuration": {"service_plan_id": "plan-new"}},
        {"phone_number": pool[1]["phone_number"], "state": "absent"},
        {"display_name": "chk-new", "region_code": "US", "number_type": "LOCAL", "capabilities": ["SMS"]},
    ]
    result = run(simulator, items, check_mode=True, diff_mode=True)
    assert writes(simulator) == []
    assert result["changed"]
    assert [entry["action"] for entry in result["numbers"]] == ["update", "release", "rent"]
    assert result["diff"]["after"][pool[0]["phone_number"]]["sms_configuration"]["service_plan_id"] == "plan-new"


# ------------------------------------------------------------------------------ shared back-off
def test_a_429_with_retry_after_holds_back_every_worker(simulator):  # pylint: disable=redefined-outer-name
    """The first PATCH is answered 429 with Retry-After 0.5: the worker told sleeps it in pause(),
    every other worker sleeps it once in wait() before its next request. The back-off's clock is
    frozen, so the pause never ends by itself and every worker's sleep is recorded."""
    members = seeded(simulator, 100, "thr-")
    simulator.sim.faults.add([{"method": "PATCH", "path_regex": "activeNumbers/", "status": 429, "retry_after": 0.5}])
    slept = []

    def sleep(seconds):
        slept.append((threading.get_ident(), seconds))

    client = SinchClient(ClientConfig(**simulator.options(retries=2)))
    client.backoff = SharedBackoff(sleep=sleep, clock=lambda: 1000.0)
    items = [{"phone_number": n["phone_number"], "sms_configuration": {"service_plan_id": "plan-new"}} for n in members]
    result = run(simulator, items, client=client, concurrency=4)

    assert result["summary"]["update"] == 100
    answers = [entry["status"] for entry in simulator.requests() if entry["method"] == "PATCH"]
    assert answers.count(429) == 1 and len(answers) == 101  # the refused PATCH sent again, once
    assert client.backoff.pauses == 1
    threads_paused = {thread for thread, seconds in slept if seconds == 0.5}
    assert len(threads_paused) == 4, slept  # the worker told and the three others
    assert all(seconds == 0.5 for _thread, seconds in slept)


# ------------------------------------------------------------------------------ results and failures
def test_one_failed_item_fails_the_run_after_the_others_were_applied(simulator):  # pylint: disable=redefined-outer-name
    pool = seeded(simulator, 2, "part-")
    items = [
        {"phone_number": pool[0]["phone_number"], "sms_configuration": {"service_plan_id": "plan-new"}},
        {"phone_number": "+46700000999999", "display_name": "part-missing"},  # not available: the rent fails
        {"phone_number": pool[1]["phone_number"], "sms_configuration": {"service_plan_id": "plan-new"}},
    ]
    with pytest.raises(SinchPartialWriteError) as failed:
        run(simulator, items)
    result = failed.value.result
    assert "1 of 3 numbers failed (2 applied)" in str(failed.value)
    assert "+46700000999999" in str(failed.value)
    assert result["changed"]
    assert result["applied"] == [pool[0]["phone_number"], pool[1]["phone_number"]]
    assert [(f["item"], f["identity"], f["action"]) for f in result["failures"]] == [(1, "+46700000999999", "rent")]
    assert result["failures"][0]["error"]
    assert [entry["changed"] for entry in result["numbers"]] == [True, False, True]
    assert "error" in result["numbers"][1] and "error" not in result["numbers"][0]
    assert result["numbers"][0]["number"]["sms_configuration"]["service_plan_id"] == "plan-new"
    assert result["summary"] == {"rent": 0, "update": 2, "release": 0, "none": 0, "failed": 1}


def test_a_wait_that_times_out_reports_which_numbers_finished_provisioning(simulator):  # pylint: disable=redefined-outer-name
    pool = seeded(simulator, 2, "wait-")
    simulator.sim.settings.provisioning_delay = 60
    items = [
        {"phone_number": pool[0]["phone_number"], "sms_configuration": {"service_plan_id": "plan-new"}},
        {"phone_number": pool[1]["phone_number"], "display_name": "wait-renamed"},  # nothing to provision
    ]
    with pytest.raises(SinchPartialWriteError) as failed:
        run(simulator, items, wait=True, wait_timeout=0, wait_interval=0.1)
    result = failed.value.result
    assert [entry["provisioning"] for entry in result["numbers"]] == ["pending", "done"]
    assert [f["item"] for f in result["failures"]] == [0]
    assert "still pending when the wait timed out" in result["failures"][0]["error"]
    assert result["applied"] == [pool[0]["phone_number"], pool[1]["phone_number"]]
    assert result["numbers"][1]["number"]["display_name"] == "wait-renamed"
