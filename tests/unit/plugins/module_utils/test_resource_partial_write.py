# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A wait that fails after a write reports changed=true with the resource; without a write it does not."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchPartialWriteError
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource


class FakeModule:
    def __init__(self, **params):
        self.params = dict(state="present", wait=True, **params)
        self.check_mode = False
        self.client = None


class Thing(Resource):
    name = "thing"

    def __init__(self, module, current):
        super().__init__(module)
        self.current = current

    def read(self):
        return self.current

    def desired(self):
        return {"id": "t1", "plan": self.params["plan"]}

    def create(self, desired):
        return dict(desired)

    def update(self, current, changes, desired):
        return dict(current, **changes)

    def delete(self, current):
        raise AssertionError("not used")

    def wait_for(self, resource):
        raise SinchError("provisioning of t1 failed: SMS_PROVISIONING_FAILED")


@pytest.mark.parametrize("current", [None, {"id": "t1", "plan": "old"}])
def test_a_failed_wait_after_a_write_is_changed_with_the_resource(current):
    with pytest.raises(SinchPartialWriteError) as caught:
        Thing(FakeModule(plan="new"), current).run()
    assert caught.value.result == {"changed": True, "thing": {"id": "t1", "plan": "new"}}
    assert "SMS_PROVISIONING_FAILED" in str(caught.value)


def test_a_failed_wait_without_a_write_stays_a_plain_failure():
    with pytest.raises(SinchError) as caught:
        Thing(FakeModule(plan="same"), {"id": "t1", "plan": "same"}).run()
    assert not isinstance(caught.value, SinchPartialWriteError)
