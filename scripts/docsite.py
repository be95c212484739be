#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Build the collection's documentation site with antsibull-docs and Sphinx, warnings as errors.

    ANSIBLE_COLLECTIONS_PATH=<dir holding ansible_collections/sinch/numbers> \\
        python scripts/docsite.py --dest /tmp/docsite      # HTML in /tmp/docsite/build/html

The site holds what antsibull-docs generates from the collection (modules, plugins, roles,
environment variables) and the Markdown guides of docs/ (read with myst-parser). Works offline:
the few pages of the Ansible documentation that generated pages link to are resolved through a
local intersphinx inventory instead of the one on docs.ansible.com.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

COLLECTION = "sinch.numbers"
ROOT = Path(__file__).resolve().parents[1]
ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/devel/"
# Labels of the Ansible documentation that antsibull-docs' generated pages refer to.
ANSIBLE_LABELS = {
    "common_return_values": ("reference_appendices/common_return_values.html#common-return-values", "Return Values"),
    "ansible_configuration_settings": ("reference_appendices/config.html#ansible-configuration-settings",
                                       "Ansible Configuration Settings"),
}
GUIDES_TOCTREE = """
.. toctree::
   :maxdepth: 1
   :caption: Guides:
   :glob:

   docs/*
"""
CONF_OVERRIDES = """
# Added by scripts/docsite.py: Markdown guides, and an offline inventory of the Ansible docs.
extensions.append('myst_parser')
source_suffix = {{'.rst': 'restructuredtext', '.md': 'markdown'}}
intersphinx_mapping = {{'ansible_devel': ({url!r}, {inventory!r})}}
"""
# [text](target) in Markdown; targets with a scheme or only an anchor are not files
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def run(*command):
    print("+ " + " ".join(str(part) for part in command), flush=True)
    if subprocess.run([str(part) for part in command], check=False).returncode != 0:
        sys.exit("docsite: %s failed (see above)" % command[0])


def ansible_core_envvars():
    """Environment variables of ansible-core's settings (ANSIBLE_CACHE_PLUGIN, ...)."""
    from ansible.config.manager import ConfigManager  # pylint: disable=import-outside-toplevel

    names = set()
    for setting in ConfigManager().get_configuration_definitions().values():
        for env in setting.get("env") or []:
            names.add(env["name"])
    return sorted(names)


def write_ansible_inventory(path):
    """A Sphinx (v2) inventory of the Ansible documentation pages the generated docs link to."""
    lines = ["%s std:label -1 %s %s" % (name, uri, title) for name, (uri, title) in ANSIBLE_LABELS.items()]
    lines += ["%s std:envvar 1 reference_appendices/config.html#envvar-$ -" % name for name in ansible_core_envvars()]
    header = ("# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n"
              "# The remainder of this file is compressed using zlib.\n")
    path.write_bytes(header.encode() + zlib.compress(("\n".join(lines) + "\n").encode()))


def copy_guides(collection_root, rst):
    """docs/ as rst/docs/, plus the collection files outside docs/ that the guides link to."""
    docs = collection_root / "docs"
    shutil.copytree(docs, rst / "docs")
    for guide in docs.rglob("*.md"):
        for target in _LINK.findall(guide.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:|^#", target):
                continue
            path = (guide.parent / target.split("#", 1)[0]).resolve()
            try:
                relative = path.relative_to(collection_root.resolve())
            except ValueError:
                continue  # outside the collection: Sphinx reports it
            if relative.parts[0] == "docs" or not path.is_file() or path.suffix == ".md":
                continue  # copied already, missing (Sphinx reports it), or a page
            destination = rst / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, destination)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", required=True, help="directory to build in (emptied first)")
    parser.add_argument("--collection-root", default=str(ROOT), help="where docs/ is (default: this checkout)")
    args = parser.parse_args()
    if not os.environ.get("ANSIBLE_COLLECTIONS_PATH"):
        sys.exit("set ANSIBLE_COLLECTIONS_PATH to a directory holding ansible_collections/sinch/numbers")
    dest, collection_root = Path(args.dest).resolve(), Path(args.collection_root).resolve()
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    rst = dest / "rst"

    run("antsibull-docs", "sphinx-init", "--use-current", "--fail-on-error", "--dest-dir", dest,
        "--project", COLLECTION, "--title", "%s collection documentation" % COLLECTION,
        "--html-short-title", COLLECTION, "--no-add-antsibull-docs-version", COLLECTION)
    rst.mkdir(exist_ok=True)
    rst.chmod(0o755)  # antsibull-docs wants the directory writable by its owner only
    run("antsibull-docs", "--config-file", dest / "antsibull-docs.cfg", "collection", "--use-current",
        "--fail-on-error", "--dest-dir", rst, COLLECTION)

    copy_guides(collection_root, rst)
    with (rst / "index.rst").open("a", encoding="utf-8") as stream:
        stream.write(GUIDES_TOCTREE)
    inventory = dest / "ansible_devel.inv"
    write_ansible_inventory(inventory)
    with (dest / "conf.py").open("a", encoding="utf-8") as stream:
        stream.write(CONF_OVERRIDES.format(url=ANSIBLE_DOCS, inventory=str(inventory)))

    run("sphinx-build", "-M", "html", rst, dest / "build", "-c", dest, "-W", "--keep-going", "-q")
    index = dest / "build" / "html" / "index.html"
    pages = len(list((dest / "build" / "html").rglob("*.html")))
    print("docsite: %d pages, no warnings: %s" % (pages, index))
    return 0


if __name__ == "__main__":
    sys.exit(main())
