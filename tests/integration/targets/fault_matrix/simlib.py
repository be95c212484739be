# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers of the fault_matrix target: the integration config, the simulator's admin API,
playbooks written as JSON (valid YAML, no PyYAML needed) and ansible-playbook runs."""

import json
import os
import subprocess
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
COLLECTION_ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))


def read_config(args):
    """The variables of the integration config given as `-e @file` arguments (flat key: value lines)."""
    values = {}
    for arg in args:
        if arg.startswith("@") and os.path.isfile(arg[1:]):
            with open(arg[1:], encoding="utf-8") as stream:
                for line in stream:
                    key, sep, value = line.partition(":")
                    if sep and not line.startswith((" ", "#")):
                        values[key.strip()] = value.strip().strip("'\"")
    for name in ("sinch_sim_url", "sinch_project_id", "sinch_key_id", "sinch_key_secret"):
        if not values.get(name):
            raise SystemExit("integration config lacks %s (args: %s)" % (name, args))
    return values


class Simulator:
    def __init__(self, url):
        self.url = url.rstrip("/")

    def admin(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + "/_sim/" + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
        return json.loads(text) if text else None

    def reset(self):
        self.admin("POST", "reset", {})

    def add_faults(self, *rules):
        self.admin("POST", "faults", {"rules": list(rules)})

    def clear_faults(self):
        self.admin("DELETE", "faults")

    def requests(self):
        return self.admin("GET", "requests")["requests"]

    def clear_requests(self):
        self.admin("DELETE", "requests")


def module_defaults(config):
    url = config["sinch_sim_url"]
    return {
        "group/sinch.numbers.all": {
            "key_id": config["sinch_key_id"], "key_secret": config["sinch_key_secret"],
            "project_id": config["sinch_project_id"], "numbers_url": url, "imported_numbers_url": url,
            "registrations_url": url, "auth_url": url, "retry_max_delay": 0.2,
        },
        "group/sinch.numbers.legacy": {
            "email": config.get("sinch_legacy_email", "demo@example.com"),
            "password": config.get("sinch_legacy_password", "demo-dashboard-password"),
            "legacy_user_url": url, "legacy_api_url": url, "legacy_portal_url": url,
        },
    }


def write_play(path, tasks, config, name):
    play = [{
        "name": name, "hosts": "localhost", "connection": "local", "gather_facts": False,
        "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
        "module_defaults": module_defaults(config), "tasks": tasks,
    }]
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(play, stream, indent=1)


def playbook_command(path, args, *extra):
    return ["ansible-playbook", "-i", "localhost,", path] + list(args) + list(extra)


def run_playbook(path, args, log, *extra):
    """Run to the end; returns the exit code (output appended to log)."""
    with open(log, "a", encoding="utf-8") as stream:
        return subprocess.call(playbook_command(path, args, *extra), stdout=stream, stderr=subprocess.STDOUT)
