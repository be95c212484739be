#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the example playbook of a role's README against the simulator, as a user would.

    python scripts/role_example.py --collection-dir DIR --collections-path PATH --sim-url URL [--role NAME]

The first ```yaml block after "## Example" in DIR/roles/NAME/README.md runs with the ansible-playbook
on PATH, the collection loaded only from PATH (for example an installed tarball), credentials as
extra variables and the SINCH_*_URL variables pointing at the simulator. The first run must change
something; a second run must report changed=0 and send no write request to the simulator.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

URL_VARIABLES = ("NUMBERS", "IMPORTED_NUMBERS", "REGISTRATIONS", "AUTH",
                 "LEGACY_USER", "LEGACY_API", "LEGACY_PORTAL")
READS = ("GET", "HEAD")
EXAMPLE = re.compile(r"^## Example\s*$.*?^```ya?ml\s*$\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
RECAP = re.compile(r"^localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", re.MULTILINE)


def example(readme):
    match = EXAMPLE.search(readme.read_text(encoding="utf-8"))
    if not match:
        sys.exit("%s has no ```yaml block under '## Example'" % readme)
    return match.group(1)


def simulator(url, method, path):
    request = urllib.request.Request(url + path, method=method, data=b"{}" if method == "POST" else None,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def run(playbook, args, environment, label):
    command = ["ansible-playbook", str(playbook),
               "-e", "sinch_project_id=%s" % args.project_id,
               "-e", "sinch_key_id=%s" % args.key_id,
               "-e", "sinch_key_secret=%s" % args.key_secret]
    print("+ %s (%s)" % (" ".join(command[:2]), label), flush=True)
    result = subprocess.run(command, cwd=str(playbook.parent), env=environment, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    recap = RECAP.findall(result.stdout)
    if result.returncode != 0 or len(recap) != 1:
        print(output)
        sys.exit("the README example failed in its %s (exit %d)" % (label, result.returncode))
    if args.key_secret in output:
        sys.exit("the key secret appears in the output of the %s" % label)
    return [int(value) for value in recap[0]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection-dir", required=True, type=Path, help="where roles/NAME/README.md is read")
    parser.add_argument("--collections-path", required=True, help="ANSIBLE_COLLECTIONS_PATH for the run")
    parser.add_argument("--sim-url", required=True)
    parser.add_argument("--role", default="number_pool")
    parser.add_argument("--project-id", default=os.environ.get("DEMO_PROJECT_ID", "demo-project"))
    parser.add_argument("--key-id", default=os.environ.get("DEMO_KEY_ID", "demo-key"))
    parser.add_argument("--key-secret", default=os.environ.get("DEMO_KEY_SECRET", "demo-secret"))
    args = parser.parse_args()
    sim_url = args.sim_url.rstrip("/")

    play = example(args.collection_dir / "roles" / args.role / "README.md")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("SINCH_", "ANSIBLE_"))}
    environment.update({"SINCH_%s_URL" % name: sim_url for name in URL_VARIABLES})
    environment.update(ANSIBLE_COLLECTIONS_PATH=args.collections_path, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH="false",
                       ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
                       ANSIBLE_NOCOLOR="1", ANSIBLE_ROLES_PATH=os.devnull)
    with tempfile.TemporaryDirectory(prefix="sinch-role-example-") as work:
        playbook = Path(work, "example.yml")
        playbook.write_text(play, encoding="utf-8")
        simulator(sim_url, "POST", "/_sim/reset")
        _ok, changed, _unreachable, _failed = run(playbook, args, environment, "first run")
        if changed == 0:
            sys.exit("the first run of the README example changed nothing: it proves nothing")
        simulator(sim_url, "DELETE", "/_sim/requests")
        _ok, rerun_changed, _unreachable, _failed = run(playbook, args, environment, "second run")
        writes = [entry for entry in simulator(sim_url, "GET", "/_sim/requests")["requests"]
                  if entry["method"] not in READS and entry["path"] != "/oauth2/token"]
    if rerun_changed or writes:
        sys.exit("the rerun of the README example is not idempotent: changed=%d, writes: %s" % (
            rerun_changed, ", ".join("%s %s" % (entry["method"], entry["path"]) for entry in writes)))
    print("roles/%s README example: the first run changed %d task(s); the rerun changed none and sent %d read(s), "
          "no write" % (args.role, changed, len(simulator(sim_url, "GET", "/_sim/requests")["requests"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
