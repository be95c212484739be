#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Put every changelog fragment into the release notes of the version in galaxy.yml.

    python scripts/release_notes.py [COLLECTION_ROOT]      (default: this checkout; `make release-notes`)

Fragments belong to the version galaxy.yml names. When changelogs/changelog.yaml has no release of
it yet, `antsibull-changelog release` cuts it; when it has one, fragments that are in no release
(say, landed after the cut) are folded into it with `--update-existing`, and fragments edited since
are re-read (`--refresh-fragments`), keeping its date. Either way CHANGELOG.rst is regenerated.
Fragments stay in changelogs/fragments (keep_fragments: true), so antsibull-changelog knows by name
which ones a release already holds. Bump galaxy.yml's version once a release is published: new
fragments then go to the next one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def galaxy_version(root):
    return str(load(root / "galaxy.yml")["version"])


def releases(root):
    return load(root / "changelogs" / "changelog.yaml").get("releases") or {}


def fragment_names(root):
    return sorted(path.name for path in (root / "changelogs" / "fragments").iterdir()
                  if path.suffix in (".yml", ".yaml"))


def pending_fragments(root):
    """Fragment files no release of changelog.yaml lists."""
    released = {name for release in releases(root).values() for name in release.get("fragments") or []}
    return [name for name in fragment_names(root) if name not in released]


def antsibull_changelog(root, *args):
    """Run antsibull-changelog in root with the collection on the collections path."""
    executable = Path(sys.executable).parent / "antsibull-changelog"
    with tempfile.TemporaryDirectory(prefix="sinch-release-notes-") as tmp:
        if root.parent.parent.name == "ansible_collections":
            collections = root.parent.parent.parent
        else:  # a checkout: ansible-doc finds it through a symlinked tree
            link = Path(tmp, "ansible_collections", "sinch", "numbers")
            link.parent.mkdir(parents=True)
            link.symlink_to(root)
            collections = Path(tmp)
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections),
                   PATH=os.pathsep.join([str(executable.parent), os.environ.get("PATH", "")]))
        command = [str(executable), *args]
        print("+ antsibull-changelog " + " ".join(args), flush=True)
        subprocess.run(command, cwd=str(root), env=env, check=True)


def release_notes(root):
    """Cut or update the release of galaxy.yml's version; returns (version, what was done)."""
    version = galaxy_version(root)
    existing = releases(root).get(version)
    if existing is None:
        antsibull_changelog(root, "release", "--reload-plugins", "--version", version)
        return version, "cut"
    pending = pending_fragments(root)
    # --refresh-fragments also takes in fragments edited since they were released
    antsibull_changelog(root, "release", "--reload-plugins", "--version", version, "--update-existing",
                        "--refresh-fragments", "without-archives", "--date", str(existing["release_date"]))
    return version, "added %s" % ", ".join(pending) if pending else "refreshed"


def main(argv):
    root = Path(argv[1]).resolve() if len(argv) > 1 else ROOT
    version, done = release_notes(root)
    left = pending_fragments(root)
    if left:
        print("release notes %s: fragments still in no release: %s" % (version, ", ".join(left)), file=sys.stderr)
        return 1
    print("release notes %s: %s; CHANGELOG.rst lists every fragment" % (version, done))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
