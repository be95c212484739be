# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The interface rule of docs/conventions.md, over every module's argument spec, every plugin's
documented options and every role's variables.

Each check is a function from options to violations; the tests run them over the collection
(which must have none) and over made-up options (which must be caught). The allow-lists below
are the only exceptions, each with its reason, and docs/conventions.md names every one of them.
"""

from __future__ import annotations

import importlib
import pathlib
import re
from unittest import mock

import pytest
import yaml
from ansible.module_utils import basic

from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import canonical

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONVENTIONS = ROOT / "docs" / "conventions.md"
MODULES = sorted(path.stem for path in (ROOT / "plugins" / "modules").glob("sinch_*.py"))
PLUGINS = sorted("%s/%s" % (path.parent.name, path.stem) for kind in ("lookup", "inventory", "filter")
                 for path in (ROOT / "plugins" / kind).glob("*.py") if path.name != "__init__.py")
ROLES = sorted(path.parent.parent.name for path in ROOT.glob("roles/*/meta/argument_specs.yml"))
PREFIX = "ansible_collections.sinch.numbers.plugins."

# Options that say how the module behaves rather than carrying a value Sinch stores: their values
# are lowercase, as Ansible writes such switches. Role variables ending in these names too.
LOWERCASE_SWITCHES = {
    "state": "present/absent, Ansible's convention for every module",
    "update_secret": "always/on_create, Ansible's convention for write-only secrets (update_password)",
    "auth_method": "basic/oauth2, how the client authenticates",
    "api": "numbers/registrations, named as the *_url options name the APIs",
    "include": "which lists to return, like gather_subset",
    "plugin": "the inventory plugin's own name, sinch.numbers.active_numbers",
    "sections": "which parts of the project a report reads, like gather_subset",
    "fail_on": "which findings of a report fail the role",
}
# Names that end in 's' without naming several values, and list options that are not plurals.
NOT_PLURALS = {
    "validate_certs": "a switch; Ansible's name for it in every collection",
    "retries": "a count",
    "include_details": "a switch",
    "active_policies": "a switch (only the active policies)",
    "address": "one address",
    "include": "a list named as a verb: include these lists",
    "hosted_numbers_qualify": "a role variable named as a verb: the numbers to qualify",
    "stuck_after_hours": "a number of hours",
    "set_stats": "a switch, named after Ansible's set_stats",
    "fail_on": "a list named as a condition: fail on these findings",
    "imported": "a filter argument named after the listing it takes (imported numbers)",
    "qualify": "a filter argument named as a verb: the numbers to qualify",
    "options": "one argument_specs options mapping",
    "ignore": "a filter argument named as a verb: the variables to ignore",
}
# List options of *_info modules and plugins that are not filters, so have no singular alias.
NOT_FILTERS = {
    "include": "which lists to return, not a filter",
    "answers": "the answers to a market's questions, in order; not a filter",
    "managed_prefixes": "which numbers a report counts as managed, not a filter",
    "sections": "which parts of the project a report reads, not a filter",
}
# Names whose values belong to a resource: the same name may take other values in another module.
RESOURCE_SPECIFIC = {
    "state": "present/absent, or the states of each resource's own life cycle (states)",
    "type": "the type of what the option describes (LOA, voice configuration, legacy number group)",
    "wait_state": "the states of the resource the module waits for",
}

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


# ------------------------------------------------------------------------------------ loading
class _Captured(Exception):
    def __init__(self, argument_spec):
        super().__init__("captured")
        self.argument_spec = argument_spec


def _capture(self, argument_spec, **kwargs):
    raise _Captured(argument_spec)


def module_options(name):
    """The argument spec a module hands AnsibleModule (with the connection options), read by running main()."""
    module = importlib.import_module(PREFIX + "modules." + name)
    with mock.patch.object(basic.AnsibleModule, "__init__", _capture):
        with pytest.raises(_Captured) as captured:
            module.main()
    return captured.value.argument_spec


def plugin_options(name):
    """A plugin's documented options, with those of the collection's doc fragments it extends."""
    plugin = importlib.import_module(PREFIX + name.replace("/", "."))
    doc = yaml.safe_load(plugin.DOCUMENTATION)
    options = {}
    for fragment in doc.get("extends_documentation_fragment") or []:
        if not fragment.startswith("sinch.numbers."):
            continue  # ansible-core's own fragments (constructed, inventory_cache) follow Ansible's names
        parts = fragment.split(".")[2:]
        fragment_class = importlib.import_module(PREFIX + "doc_fragments." + parts[0]).ModuleDocFragment
        text = getattr(fragment_class, parts[1].upper() if len(parts) > 1 else "DOCUMENTATION")
        options.update(yaml.safe_load(text).get("options") or {})
    options.update(doc.get("options") or {})
    for positional in ("_terms", "_input"):  # a lookup's terms, a filter's input: not named by users
        options.pop(positional, None)
    return options


def role_options(name):
    specs = yaml.safe_load((ROOT / "roles" / name / "meta" / "argument_specs.yml").read_text())
    return specs["argument_specs"]["main"]["options"]


def collection_options():
    """{owner: options}: every module, plugin and role of the collection."""
    owners = {"module " + name: module_options(name) for name in MODULES}
    owners.update({"plugin " + name: plugin_options(name) for name in PLUGINS})
    owners.update({"role " + name: role_options(name) for name in ROLES})
    return owners


# ------------------------------------------------------------------------------------ the rule
def walk(options, path=""):
    """(dotted path, name, option) for every option and suboption."""
    for name, option in options.items():
        yield path + name, name, option
        nested = option.get("options") or option.get("suboptions")
        if nested:
            yield from walk(nested, path + name + ".")


def is_filtering(owner):
    return owner.startswith(("plugin lookup/", "plugin inventory/")) or owner.endswith("_info")


def is_plural(name):
    word = name.rsplit("_", 1)[-1]
    return word.endswith("s") and not word.endswith(("ss", "us"))


def singular(name):
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith(("uses", "sses")):
        return name[:-2]
    return name[:-1] if is_plural(name) else name


def listed(owner, name, allow_list):
    """Whether an allow-list names the option; a role variable by the name after the role's prefix."""
    return name in allow_list or (owner.startswith("role ") and name.endswith(
        tuple("_" + allowed for allowed in allow_list)))


def check_names(owner, options):
    """Option names and aliases are snake_case."""
    return ["%s: %s is not snake_case" % (owner, label)
            for path, name, option in walk(options)
            for label in [path] + ["%s (alias of %s)" % (alias, path) for alias in option.get("aliases") or []]
            if not SNAKE_CASE.match(label.split(" ")[0].rsplit(".", 1)[-1])]


def check_plurals(owner, options):
    """A list option has a plural name; an option of one value (not a list or dict) a singular one."""
    violations = []
    for path, name, option in walk(options):
        if listed(owner, name, NOT_PLURALS):
            continue
        if option.get("type") == "list" and not is_plural(name):
            violations.append("%s: %s is a list, so its name must be plural" % (owner, path))
        elif option.get("type") not in ("list", "dict") and is_plural(name):
            violations.append("%s: %s takes one value, so its name must be singular" % (owner, path))
    return violations


def check_filter_aliases(owner, options):
    """A list filter of an *_info module or a plugin also takes its singular name."""
    if not is_filtering(owner) or owner.startswith("role "):
        return []
    return ["%s: list filter %s must accept %s as an alias" % (owner, name, singular(name))
            for name, option in options.items()
            if option.get("type") == "list" and name not in NOT_FILTERS
            and singular(name) not in (option.get("aliases") or [])]


def check_case(owner, options):
    """Enum values are UPPER_CASE; a lowercase value only as the old spelling of an UPPER_CASE one.

    Switches (LOWERCASE_SWITCHES) are lowercase instead.
    """
    violations = []
    for path, name, option in walk(options):
        choices = [str(choice) for choice in option.get("choices") or []]
        if listed(owner, name, LOWERCASE_SWITCHES):
            wrong = [choice for choice in choices if choice != choice.lower()]
        else:
            wrong = [choice for choice in choices if choice != choice.upper() and choice.upper() not in choices]
        if wrong:
            violations.append("%s: %s has values in the wrong case: %s" % (owner, path, ", ".join(wrong)))
    return violations


def check_display_name_filters(owner, options):
    """Where display names filter, both the exact display_name and the wildcard display_name_pattern exist."""
    if not is_filtering(owner) or owner.startswith("role "):
        return []
    names = {"display_name", "display_name_pattern"}
    present = names & set(options)
    if present and present != names:
        return ["%s: has %s but not %s" % (owner, ", ".join(present), ", ".join(names - present))]
    return []


def check_same_meaning(owners):
    """One name, one meaning: an option and its singular or plural twin take the same values
    everywhere, and options of one name have one type."""
    uses = {}
    for owner, options in owners.items():
        if owner.startswith(("role ", "plugin filter/")):
            # role variables carry the role's prefix, filter arguments the shape of the data they take;
            # check_case covers their values
            continue
        for name, option in options.items():
            uses.setdefault(singular(name), []).append((owner, name, option))
    violations = []
    for key, found in sorted(uses.items()):
        if key in RESOURCE_SPECIFIC:
            continue
        values, types = {}, {}
        for owner, name, option in found:
            choices = option.get("choices")
            allowed = tuple(sorted({canonical(str(choice), choices) for choice in choices})) if choices else ()
            values.setdefault(allowed, []).append(owner)
            types.setdefault(name, set()).add((option.get("type"), option.get("elements")))
        if len(values) > 1:
            violations.append("%s takes other values in %s" % (key, "; ".join(
                "%s: %s" % (", ".join(where), list(allowed) or "any") for allowed, where in sorted(values.items()))))
        violations += ["%s has different types: %s" % (name, sorted(kinds, key=str))
                       for name, kinds in sorted(types.items()) if len(kinds) > 1]
    return violations


CHECKS = (check_names, check_plurals, check_filter_aliases, check_case, check_display_name_filters)


# ------------------------------------------------------------------------------------ tests
@pytest.fixture(scope="module")
def owners():
    return collection_options()


def test_every_module_plugin_and_role_is_read(owners):
    assert len([owner for owner in owners if owner.startswith("module ")]) == len(MODULES) > 10
    assert "display_name_pattern" in owners["plugin lookup/active_numbers"]
    assert "secret" in owners["plugin filter/valid_signature"]
    assert "key_secret" in owners["module sinch_number"]
    assert ROLES and all(owners["role " + role] for role in ROLES)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_the_collection_follows_the_rule(owners, check):
    violations = [violation for owner, options in owners.items() for violation in check(owner, options)]
    assert violations == []


def test_one_name_has_one_meaning_everywhere(owners):
    assert check_same_meaning(owners) == []


def test_every_exception_is_used_and_documented(owners):
    documented = CONVENTIONS.read_text()
    names = {name for options in owners.values() for _path, name, _option in walk(options)}
    singulars = {singular(name) for name in names}
    for allow_list, known in ((LOWERCASE_SWITCHES, names), (NOT_PLURALS, names), (NOT_FILTERS, names),
                              (RESOURCE_SPECIFIC, singulars)):
        for name in allow_list:
            assert name in known or any(known_name.endswith("_" + name) for known_name in known), name
            assert "`%s`" % name in documented, "%s is an exception docs/conventions.md does not name" % name


# ------------------------------------------------------------ the checks catch violations
def test_names_must_be_snake_case():
    assert check_names("module x", {"regionCode": {"type": "str"}}) == ["module x: regionCode is not snake_case"]
    assert check_names("module x", {"loa": {"type": "dict", "options": {"Type": {"type": "str"}}}}) == [
        "module x: loa.Type is not snake_case"]
    assert check_names("module x", {"ok": {"aliases": ["Ok"]}}) == ["module x: Ok (alias of ok) is not snake_case"]


def test_lists_must_be_plural_and_scalars_singular():
    assert check_plurals("module x", {"region_code": {"type": "list"}}) == [
        "module x: region_code is a list, so its name must be plural"]
    assert check_plurals("module x", {"states": {"type": "str"}}) == [
        "module x: states takes one value, so its name must be singular"]
    assert check_plurals("module x", {"wait_status": {"type": "list"}}) == [
        "module x: wait_status is a list, so its name must be plural"]
    assert check_plurals("module x", {"region_codes": {"type": "list"}, "status": {"type": "str"}}) == []


def test_list_filters_must_take_their_singular():
    options = {"region_codes": {"type": "list"}, "statuses": {"type": "list", "aliases": ["status"]},
               "capabilities": {"type": "list"}}
    assert check_filter_aliases("module sinch_x_info", options) == [
        "module sinch_x_info: list filter region_codes must accept region_code as an alias",
        "module sinch_x_info: list filter capabilities must accept capability as an alias"]
    assert check_filter_aliases("plugin lookup/x", {"tags": {"type": "list"}}) == [
        "plugin lookup/x: list filter tags must accept tag as an alias"]
    assert check_filter_aliases("module sinch_x", options) == []


def test_enum_values_must_be_upper_case():
    assert check_case("module x", {"order_type": {"choices": ["import", "text_enable"]}}) == [
        "module x: order_type has values in the wrong case: import, text_enable"]
    assert check_case("module x", {"order_type": {"choices": ["IMPORT", "import", "text_enable"]}}) == [
        "module x: order_type has values in the wrong case: text_enable"]
    assert check_case("module x", {"loa": {"options": {"type": {"choices": ["direct"]}}}}) == [
        "module x: loa.type has values in the wrong case: direct"]
    assert check_case("module x", {"state": {"choices": ["PRESENT"]}}) == [
        "module x: state has values in the wrong case: PRESENT"]
    assert check_case("role r", {"r_update_secret": {"choices": ["always"]}}) == []
    assert check_case("module x", {"capability": {"choices": ["VOICE", "SMS", "voice", "sms"]}}) == []


def test_display_name_filters_come_in_pairs():
    assert check_display_name_filters("module sinch_x_info", {"display_name": {}}) == [
        "module sinch_x_info: has display_name but not display_name_pattern"]
    assert check_display_name_filters("plugin lookup/x", {"display_name_pattern": {}}) == [
        "plugin lookup/x: has display_name_pattern but not display_name"]
    assert check_display_name_filters("module sinch_x", {"display_name": {}}) == []


def test_one_name_one_meaning_catches_other_values_and_types():
    owners = {
        "module sinch_hosting_order": {"order_type": {"type": "str", "choices": ["IMPORT", "TEXT_ENABLE_TOLL_FREE"]}},
        "module sinch_hosting_order_info": {"order_types": {"type": "list", "choices": ["IMPORT", "import"]}},
    }
    assert check_same_meaning(owners) == [
        "order_type takes other values in module sinch_hosting_order_info: ['IMPORT']; "
        "module sinch_hosting_order: ['IMPORT', 'TEXT_ENABLE_TOLL_FREE']"]
    owners = {"module a": {"region_code": {"type": "str"}}, "module b": {"region_code": {"type": "list"}}}
    assert check_same_meaning(owners) == ["region_code has different types: [('list', None), ('str', None)]"]
    owners = {"module a": {"capability": {"type": "str", "choices": ["VOICE", "voice", "SMS"]}},
              "module b": {"capabilities": {"type": "list", "elements": "str", "choices": ["SMS", "VOICE"]}}}
    assert check_same_meaning(owners) == []
