# Copyright: (c) 2025, sinch.numbers maintainers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""meta/runtime.yml stays in step with plugins/modules/.

Hand-kept action groups rot: a module added without being put into group "all" silently
ignores ``module_defaults: group/sinch.numbers.all``, and a typo in the group is only found by
a user. These tests compare the group with the module files.
"""

from __future__ import annotations

import pathlib
import re

import pytest
import yaml

COLLECTION_ROOT = pathlib.Path(__file__).resolve().parents[2]
RUNTIME_YML = COLLECTION_ROOT / 'meta' / 'runtime.yml'
MODULES_DIR = COLLECTION_ROOT / 'plugins' / 'modules'
FQCN_PREFIX = 'sinch.numbers.'


@pytest.fixture(scope='module')
def runtime():
    with RUNTIME_YML.open(encoding='utf-8') as stream:
        data = yaml.safe_load(stream)
    assert isinstance(data, dict), 'meta/runtime.yml must be a mapping'
    return data


def module_names():
    if not MODULES_DIR.is_dir():
        return set()
    return {
        path.stem
        for path in MODULES_DIR.glob('*.py')
        if path.name != '__init__.py' and not path.name.startswith('_')
    }


def group_members(runtime, group='all'):
    groups = runtime.get('action_groups') or {}
    assert group in groups, 'meta/runtime.yml has no action group %r' % group
    members = []
    for entry in groups[group]:
        if isinstance(entry, dict):
            # {'metadata': {'extend_group': [...]}} names other groups, not modules
            assert set(entry) == {'metadata'}, 'unexpected entry in action group %r: %r' % (group, entry)
            continue
        assert isinstance(entry, str), 'unexpected entry in action group %r: %r' % (group, entry)
        members.append(entry[len(FQCN_PREFIX):] if entry.startswith(FQCN_PREFIX) else entry)
    return members


def test_requires_ansible_is_set(runtime):
    requires = runtime.get('requires_ansible')
    assert isinstance(requires, str) and requires, 'meta/runtime.yml must set requires_ansible'
    assert re.match(r'^>=\s*2\.\d+(\.\d+)?(\s*,\s*<\s*[\d.]+)?$', requires), (
        'requires_ansible %r is not of the form ">=2.X.Y"' % requires)


def test_modules_exist():
    assert module_names(), 'no modules found in %s' % MODULES_DIR


def test_every_module_is_in_group_all(runtime):
    missing = sorted(module_names() - set(group_members(runtime)))
    assert not missing, 'modules missing from action_groups.all in meta/runtime.yml: %s' % ', '.join(missing)


def test_group_all_names_only_existing_modules(runtime):
    unknown = sorted(set(group_members(runtime)) - module_names())
    assert not unknown, 'action_groups.all in meta/runtime.yml names modules that do not exist: %s' % ', '.join(unknown)


def test_group_all_has_no_duplicates(runtime):
    members = group_members(runtime)
    duplicates = sorted({name for name in members if members.count(name) > 1})
    assert not duplicates, 'action_groups.all lists modules more than once: %s' % ', '.join(duplicates)
