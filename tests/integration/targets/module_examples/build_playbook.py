#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turn the EXAMPLES of every module, lookup and filter plugin into one playbook.

One play per plugin: reset the simulator, run prepare/<plugin>.yml when it exists (state an
example needs, such as an order to look up), then the plugin's EXAMPLES exactly as documented.
prepare/<plugin>.vars.yml adds play variables the examples refer to.
Credentials reach the plugins through their SINCH_* environment fallbacks, as a user's would.

    build_playbook.py COLLECTION_ROOT SIMULATOR_URL OUTPUT_PLAYBOOK
"""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

import yaml

PLUGIN_DIRS = ("modules", "lookup", "filter")
HERE = Path(__file__).resolve().parent


def examples_of(path):
    """The EXAMPLES string of a plugin file, read without importing it."""
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "EXAMPLES" for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def play_for(name, tasks, sim_url):
    prepare = HERE / "prepare" / ("%s.yml" % name)
    # Play vars are templated when used, so they can stand for what a user reads off a
    # phone or an e-mail between two examples (a voice code, say).
    play_vars = {
        "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "sinch_sim_url": sim_url,
        # the variable names the README and the examples use for credentials
        "sinch_project_id": "{{ lookup('ansible.builtin.env', 'SINCH_PROJECT_ID') }}",
        "sinch_key_id": "{{ lookup('ansible.builtin.env', 'SINCH_KEY_ID') }}",
        "sinch_key_secret": "{{ lookup('ansible.builtin.env', 'SINCH_KEY_SECRET') }}",
    }
    vars_file = HERE / "prepare" / ("%s.vars.yml" % name)
    if vars_file.exists():
        play_vars.update(yaml.safe_load(vars_file.read_text()))
    pre_tasks = [{
        "name": "Reset the simulator",
        "ansible.builtin.uri": {"url": sim_url + "/_sim/reset", "method": "POST", "body_format": "json", "body": {}},
    }]
    if prepare.exists():
        pre_tasks.append({"name": "Prepare what the examples need",
                          "ansible.builtin.include_tasks": str(prepare)})
    return {
        "name": "EXAMPLES of %s" % name,
        "hosts": "localhost",
        "connection": "local",
        "gather_facts": False,
        "vars": play_vars,
        "pre_tasks": pre_tasks,
        "tasks": tasks,
    }


def main(root, sim_url, output):
    # EXAMPLES_ONLY=name,name narrows the run while developing; the gate runs everything.
    only = set(filter(None, os.environ.get("EXAMPLES_ONLY", "").split(",")))
    plays = []
    for kind in PLUGIN_DIRS:
        for path in sorted(Path(root, "plugins", kind).glob("*.py")):
            if path.name == "__init__.py" or (only and path.stem not in only):
                continue
            text = examples_of(path)
            if not text:
                sys.exit("%s has no EXAMPLES" % path)
            tasks = yaml.safe_load(text)
            if not isinstance(tasks, list) or not tasks:
                sys.exit("%s: EXAMPLES is not a list of tasks" % path)
            plays.append(play_for(path.stem, tasks, sim_url))
    if not plays:
        sys.exit("no plugin EXAMPLES found under %s/plugins" % root)
    Path(output).write_text(json.dumps(plays, indent=1))
    print("%d plugins' EXAMPLES in %s" % (len(plays), output))


if __name__ == "__main__":
    main(*sys.argv[1:4])
