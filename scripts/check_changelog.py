#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Generate the release changelog with antsibull-changelog and check it lists every user-visible change.

    python scripts/check_changelog.py [--collection-root DIR] [--keep DIR]

On a temporary copy of the collection (the checkout is not touched), scripts/release_notes.py puts
every fragment into the release of galaxy.yml's version (cutting it, or folding in fragments that
landed after the cut, as `make release-notes` does in the checkout). Then the generated
changelog.yaml and CHANGELOG.rst must hold every entry of every fragment of that release, and every
module, plugin and role whose version_added is this version (antsibull-changelog finds those
itself; one without version_added would be left out silently). The committed CHANGELOG.rst must be
what antsibull-changelog generates from the committed changelog.yaml.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

# scripts/release_notes.py writes the release notes; this script checks what it writes
_SPEC = importlib.util.spec_from_file_location("release_notes", Path(__file__).resolve().with_name("release_notes.py"))
RELEASE_NOTES = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(RELEASE_NOTES)

ROOT = Path(__file__).resolve().parents[1]
NAMESPACE, NAME = "sinch", "numbers"
IGNORE = shutil.ignore_patterns(".git", ".venv", "venv", ".ansible", "dist", "__pycache__", "output", "*.tar.gz")
# plugin types antsibull-changelog lists under "New Plugins" (modules are listed apart)
PLUGIN_TYPES = ("filter", "test", "lookup", "inventory", "callback", "connection", "become", "cache")


def documentation(path):
    """The DOCUMENTATION of a plugin file, parsed, or None."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "DOCUMENTATION" for t in node.targets):
            return yaml.safe_load(ast.literal_eval(node.value))
    return None


def collection_objects(root):
    """{(kind, short name): version_added} for modules, plugins and roles of the collection."""
    objects = {}
    for path in sorted((root / "plugins" / "modules").glob("*.py")):
        if not path.name.startswith("_"):
            objects[("module", path.stem)] = (documentation(path) or {}).get("version_added")
    for plugin_type in PLUGIN_TYPES:
        for path in sorted((root / "plugins" / plugin_type).glob("*.py")):
            doc = documentation(path)
            if doc and not path.name.startswith("_"):
                objects[(plugin_type, doc.get("name", path.stem))] = doc.get("version_added")
    for path in sorted((root / "roles").glob("*/meta/argument_specs.yml")):
        specs = yaml.safe_load(path.read_text(encoding="utf-8"))["argument_specs"]
        objects[("role", path.parents[1].name)] = specs.get("main", {}).get("version_added")
    return objects


def fragment_entries(root, names):
    """[(fragment file, section, text)] of the changelog fragments with these file names.

    Entries of the trivial section are left out: antsibull-changelog never renders them.
    """
    entries = []
    for path in sorted((root / "changelogs" / "fragments").iterdir()):
        if path.suffix not in (".yml", ".yaml") or path.name not in names:
            continue
        for section, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if section == "trivial":
                continue
            for text in value if isinstance(value, list) else [value]:
                entries.append((path.name, section, text))
    return entries


def normalized(text):
    return " ".join(str(text).split())


def listed(release, kind):
    if kind == "module":
        return {entry["name"] for entry in release.get("modules") or []}
    if kind == "role":
        return {entry["name"] for entry in (release.get("objects") or {}).get("role") or []}
    return {entry["name"] for entry in (release.get("plugins") or {}).get(kind) or []}


def check(root, work):
    copy = work / "ansible_collections" / NAMESPACE / NAME
    shutil.copytree(root, copy, ignore=IGNORE, symlinks=True)
    problems = []
    committed_rst = copy / "CHANGELOG.rst"
    if committed_rst.exists():
        before = committed_rst.read_text(encoding="utf-8")
        RELEASE_NOTES.antsibull_changelog(copy, "generate")
        if committed_rst.read_text(encoding="utf-8") != before:
            problems.append("CHANGELOG.rst is not what changelogs/changelog.yaml generates: "
                            "edit fragments, then run make release-notes, never CHANGELOG.rst by hand")
    pending = RELEASE_NOTES.pending_fragments(copy)
    if pending and RELEASE_NOTES.galaxy_version(copy) in RELEASE_NOTES.releases(copy):
        print("note: %d fragment(s) landed after the release notes were written (%s); make release-notes "
              "adds them to the committed CHANGELOG.rst" % (len(pending), ", ".join(pending)), flush=True)
    objects = collection_objects(copy)
    version, _done = RELEASE_NOTES.release_notes(copy)

    release = yaml.safe_load((copy / "changelogs" / "changelog.yaml").read_text(encoding="utf-8"))["releases"][version]
    fragments = fragment_entries(copy, set(release.get("fragments") or []))
    rst = normalized((copy / "CHANGELOG.rst").read_text(encoding="utf-8"))
    changes = release.get("changes") or {}
    for name in RELEASE_NOTES.pending_fragments(copy):
        problems.append("%s is in no release" % name)
    for fragment, section, text in fragments:
        given = changes.get(section)
        given = [given] if isinstance(given, str) else given or []
        if normalized(text) not in {normalized(item) for item in given}:
            problems.append("%s: the %s entry is not in the release: %s" % (fragment, section, text))
    expected = []
    for (kind, name), added in sorted(objects.items()):
        if added is None:
            problems.append("%s %s has no version_added, so the changelog cannot list it" % (kind, name))
        elif str(added) == version:
            expected.append((kind, name))
    for kind, name in expected:
        fqcn = "%s.%s.%s" % (NAMESPACE, NAME, name)
        if name not in listed(release, kind):
            problems.append("new %s %s is not in the release" % (kind, fqcn))
        elif fqcn not in rst:
            problems.append("new %s %s is not in CHANGELOG.rst" % (kind, fqcn))
    if not (fragments or expected):
        problems.append("the release %s lists nothing: add a fragment to changelogs/fragments/" % version)
    return version, fragments, expected, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection-root", default=str(ROOT))
    parser.add_argument("--keep", help="copy the generated CHANGELOG.rst and changelog.yaml into this directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sinch-changelog-") as tmp:
        version, fragments, expected, problems = check(Path(args.collection_root).resolve(), Path(tmp))
        if args.keep:
            keep = Path(args.keep)
            keep.mkdir(parents=True, exist_ok=True)
            copy = Path(tmp, "ansible_collections", NAMESPACE, NAME)
            for name in ("CHANGELOG.rst", "changelogs/changelog.yaml"):
                shutil.copy(copy / name, keep / Path(name).name)
    if problems:
        print("changelog %s:\n  %s" % (version, "\n  ".join(problems)), file=sys.stderr)
        return 1
    kinds = sorted({kind for kind, _name in expected})
    print("changelog %s lists all %d fragment entries and %d new objects (%s)" % (
        version, len(fragments), len(expected),
        ", ".join("%s: %d" % (kind, sum(1 for k, _n in expected if k == kind)) for kind in kinds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
