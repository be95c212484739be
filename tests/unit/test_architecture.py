# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The import rule of docs/architecture.md: imports inside plugins/ only point down the layers."""

from __future__ import annotations

import ast
import os

import pytest

PREFIX = "ansible_collections.sinch.numbers.plugins."
PLUGINS = os.path.join(os.path.dirname(__file__), "..", "..", "plugins")

# module_utils files that are resource logic although not named *_resource.py
RESOURCE_HELPERS = {
    "module_utils/legacy/app_numbers.py",
    "module_utils/legacy/rented_numbers.py",
}

ALLOWED = {
    "core": {"core"},
    "api": {"core", "api"},
    "resource": {"core", "api", "resource"},
    "plugin_utils": {"core", "api", "plugin_utils"},
    "plugin": {"core", "api", "plugin_utils"},
    "module": {"core", "api", "resource"},
    "doc_fragment": set(),
}


def layer_of(path):
    """The layer of a file given by its path relative to plugins/ (or None if outside the rule)."""
    parts = path.split("/")
    if parts[0] == "module_utils":
        if parts[1] == "core":
            return "core"
        if path.endswith("_resource.py") or path in RESOURCE_HELPERS:
            return "resource"
        return "api"
    return {
        "plugin_utils": "plugin_utils",
        "lookup": "plugin",
        "inventory": "plugin",
        "filter": "plugin",
        "modules": "module",
        "doc_fragments": "doc_fragment",
    }.get(parts[0])


def imported_paths(source):
    """The plugins/-relative file paths a Python source imports from this collection."""
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                yield "<relative import %s>" % node.module
                continue
            names = [node.module + "." + alias.name for alias in node.names] + [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            if name.startswith(PREFIX):
                yield name[len(PREFIX):].replace(".", "/")


def resolve(dotted_path):
    """'module_utils/core/client/SinchClient' -> 'module_utils/core/client.py' (the file it names)."""
    parts = dotted_path.split("/")
    for end in range(len(parts), 0, -1):
        candidate = "/".join(parts[:end])
        if os.path.isfile(os.path.join(PLUGINS, candidate + ".py")):
            return candidate + ".py"
        if os.path.isfile(os.path.join(PLUGINS, candidate, "__init__.py")) and end == len(parts):
            return candidate + "/__init__.py"
    return None


def violations(path, source):
    importer = layer_of(path)
    found = []
    for target in imported_paths(source):
        if target.startswith("<relative"):
            found.append("%s: %s (imports must be absolute)" % (path, target))
            continue
        target_file = resolve(target)
        if target_file is None or target_file.endswith("__init__.py"):
            continue
        target_layer = layer_of(target_file)
        if target_layer is None:
            continue
        if path.startswith("modules/") and target_file.startswith("modules/"):
            found.append("%s imports another module %s" % (path, target_file))
        elif target_layer not in ALLOWED[importer]:
            found.append("%s (%s) imports %s (%s)" % (path, importer, target_file, target_layer))
    return sorted(set(found))


def plugin_files():
    for folder, _dirs, files in os.walk(PLUGINS):
        for name in files:
            if name.endswith(".py"):
                full = os.path.join(folder, name)
                yield os.path.relpath(full, PLUGINS).replace(os.sep, "/"), full


def test_every_import_in_plugins_points_down_the_layers():
    found = []
    checked = 0
    for path, full in plugin_files():
        if layer_of(path) is None:
            continue
        with open(full, encoding="utf-8") as stream:
            found.extend(violations(path, stream.read()))
        checked += 1
    assert checked > 50, "the walk found too few files: %d" % checked
    assert not found, "\n".join(found)


def test_module_utils_is_organised_by_layer_and_api():
    top = sorted(os.listdir(os.path.join(PLUGINS, "module_utils")))
    stray = [name for name in top if name.endswith(".py") and name != "__init__.py"]
    assert not stray, "module_utils files belong in a package (core/ or one per API): %s" % stray
    assert {"core", "numbers", "imported", "registrations", "callbacks", "legacy"} <= set(top)


CLIENT = "from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient\n"
RESOURCE = ("from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_resource "
            "import NumberResource\n")
API = "from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NumbersApi\n"
MODULE_BASE = "from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule\n"
PLUGIN_UTILS = "from ansible_collections.sinch.numbers.plugins.plugin_utils.options import PluginOptions\n"
OTHER_MODULE = "from ansible_collections.sinch.numbers.plugins.modules.sinch_number import main\n"


@pytest.mark.parametrize("path, source", [
    ("module_utils/core/client.py", API),                         # the core reaches up into an API
    ("module_utils/core/resource.py", RESOURCE),                  # the core reaches up into a resource
    ("module_utils/numbers/api.py", RESOURCE),                    # an API wrapper uses a resource
    ("module_utils/numbers/api.py", MODULE_BASE.replace("core.module", "legacy.app_numbers")),
    ("lookup/active_numbers.py", RESOURCE),                       # a plugin goes through a resource
    ("filter/pool_plan.py", OTHER_MODULE),                        # a plugin imports a module
    ("modules/sinch_number_info.py", OTHER_MODULE),               # a module imports another module
    ("modules/sinch_number_info.py", PLUGIN_UTILS),               # a module uses plugin_utils
    ("plugin_utils/active_numbers.py", RESOURCE),
    ("doc_fragments/auth.py", CLIENT),
    ("module_utils/numbers/api.py", "from .core.client import SinchClient\n"),  # relative import
])
def test_the_rule_catches_each_kind_of_violation(path, source):
    assert violations(path, source), "not flagged: %s importing %r" % (path, source)


@pytest.mark.parametrize("path, source", [
    ("modules/sinch_number.py", RESOURCE + API + MODULE_BASE),
    ("module_utils/numbers/number_resource.py", API + CLIENT),
    ("module_utils/numbers/api.py", CLIENT),
    ("lookup/active_numbers.py", PLUGIN_UTILS + API + CLIENT),
])
def test_the_rule_allows_downward_imports(path, source):
    assert violations(path, source) == []
