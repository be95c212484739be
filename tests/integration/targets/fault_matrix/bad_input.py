# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bad input across all modules and both plugins: each case fails before any request, with a
clear message naming the problem and no traceback. The simulator's request log must stay empty.

Usage: python3 bad_input.py -e @integration_config.yml ...   (see runme.sh)
"""

import json
import os
import subprocess
import sys
import tempfile

import simlib

US = {"region_code": "US", "number_type": "LOCAL"}
APP_KEY = "bb7b4e39-4227-4913-8c81-2db4abb54fb3"
HUGE = "x" * 5000
NUL = "S\u0000E"
PASSWORD = "s3cr3t-in-url"
REMOTE_HTTP = "http://numbers.example.com"
WITH_CREDENTIALS = "https://user:%s@numbers.example.com" % PASSWORD
SMS = {"service_plan_id": "plan"}
DETAILS = [{"sender_id_details": [{"senderId": "ACME", "useCase": "Alerts"}]}]

# (module, arguments, what the message must contain)
MODULE_CASES = [
    ("sinch_number", dict(US, display_name=None), "display_name is null"),
    ("sinch_number", dict(US, display_name="", state="absent"), "display_name must not be empty"),
    ("sinch_number", dict(US, display_name="   "), "display_name must not be empty"),
    ("sinch_number", {"phone_number": ""}, "phone_number must not be empty"),
    ("sinch_number", {"phone_number": None, "display_name": "a"}, "phone_number is null"),
    ("sinch_number", {"display_name": "a", "region_code": "\u017fe", "number_type": "LOCAL"}, "not an ISO 3166-1"),
    ("sinch_number", {"display_name": "a", "region_code": "\uff33\uff25", "number_type": "LOCAL"}, "not an ISO 3166-1"),
    ("sinch_number", {"display_name": "a", "region_code": "SE\u200b", "number_type": "LOCAL"}, "not an ISO 3166-1"),
    ("sinch_number", {"display_name": "a", "region_code": NUL, "number_type": "LOCAL"}, "region_code contains a control"),
    ("sinch_number", dict(US, display_name=HUGE), "at most 2048"),
    ("sinch_number", dict(US, display_name={"a": 1}), "display_name must be a string"),
    ("sinch_number", dict(US, display_name="a", number_pattern="12a"), "must be digits"),
    ("sinch_number", dict(US, display_name="a", number_pattern="\u0661\u0662"), "must be digits"),
    ("sinch_number", dict(US, display_name="a", sms_configuration={"service_plan_id": ["a", "b"]}),
     "sms_configuration.service_plan_id must be a string, got a list"),
    ("sinch_number", dict(US, display_name="a", callback_url="not a url"), "is not an http(s) URL"),
    ("sinch_number", dict(US, display_name="a", callback_url="javascript:alert(1)"), "is not an http(s) URL"),
    ("sinch_number", dict(US, display_name="a", callback_url="https://u:p@example.com/cb"), "must not carry credentials"),
    ("sinch_number", dict(US, display_name="a", callback_url="https://example.com/cb#x"), "must not have a #fragment"),
    ("sinch_number", {"phone_number": "+1202555013\u0000"}, "phone_number contains a control"),
    ("sinch_number", {"phone_number": "+\u0661\u0662\u0660\u0662\u0665\u0665\u0665\u0660\u0661\u0663"},
     "not a valid E.164"),
    ("sinch_number", dict(US, display_name="a", voice_configuration={"type": "EST", "app_id": "x"}),
     "needs voice_configuration.trunk_id"),
    ("sinch_number", dict(US, display_name="a", numbers_url=REMOTE_HTTP), "uses plain http"),
    ("sinch_number", dict(US, display_name="a", numbers_url=WITH_CREDENTIALS), "must not carry credentials"),
    ("sinch_number", dict(US, display_name="a", auth_url="http://10.1.2.3"), "uses plain http"),
    ("sinch_number", dict(US, display_name="a", project_id="a/../b"), "is not a Sinch project ID"),
    ("sinch_number", dict(US, display_name="a", timeout=0), "timeout must be"),
    ("sinch_number_info", {"region_codes": ["\u017fe"]}, "not an ISO 3166-1"),
    ("sinch_number_info", {"phone_number": ""}, "phone_number must not be empty"),
    ("sinch_number_info", {"number_pattern": "12a"}, "must be digits"),
    ("sinch_number_info", {"page_size": 0}, "page_size must be 1 or more"),
    ("sinch_number_info", {"region_codes": ["US\u0000"]}, "control character"),
    ("sinch_available_number_info", dict(US, number_pattern="12a"), "must be digits"),
    ("sinch_available_number_info", {"region_code": "\u017fe", "number_type": "LOCAL"}, "not an ISO 3166-1"),
    ("sinch_available_number_info", dict(US, size=0), "size must be 1 or more"),
    ("sinch_region_info", {"numbers_url": REMOTE_HTTP}, "uses plain http"),
    ("sinch_region_info", {"numbers_url": WITH_CREDENTIALS}, "must not carry credentials"),
    ("sinch_imported_number", {"phone_number": ""}, "phone_number must not be empty"),
    ("sinch_imported_number", {"phone_number": "+12025550134", "region_code": "GB"}, "number hosting is available"),
    ("sinch_imported_number", {"phone_number": "+12025550134", "callback_url": "not a url"}, "is not an http(s) URL"),
    ("sinch_imported_number", {"phone_number": "+12025550134", "sms_configuration": {"service_plan_id": ["a"]}},
     "must be a string, got a list"),
    ("sinch_imported_number", {"phone_number": "+12025550134", "display_name": "a\u0000"}, "control character"),
    ("sinch_imported_number", {"phone_number": "+12025550134", "imported_numbers_url": REMOTE_HTTP}, "uses plain http"),
    ("sinch_imported_number_info", {"number_pattern": "12a"}, "must be digits"),
    ("sinch_imported_number_info", {"display_name": ""}, "display_name must not be empty"),
    ("sinch_hosting_order", {"display_name": "", "order_type": "import", "region_code": "US",
                             "numbers": ["+12025550111"], "service_plan_id": "p"}, "display_name must not be empty"),
    ("sinch_hosting_order", {"id": ""}, "id must not be empty"),
    ("sinch_hosting_order", {"display_name": "o", "order_type": "import", "region_code": "SE",
                             "numbers": ["+12025550111"], "service_plan_id": "p"}, "number hosting is available"),
    ("sinch_hosting_order", {"display_name": "o", "order_type": "import", "region_code": "US",
                             "numbers": ["+12025550111"], "service_plan_id": "p", "callback_url": "ftp://x/y"},
     "is not an http(s) URL"),
    ("sinch_hosting_order", {"display_name": "o", "order_type": "import", "region_code": "US",
                             "numbers": ["+1202555\u0000"], "service_plan_id": "p"}, "numbers[0] contains a control"),
    ("sinch_hosting_order", {"display_name": "o", "order_type": "import", "region_code": "US",
                             "numbers": ["+12025550111"], "service_plan_id": ["p"]}, "service_plan_id must be a string"),
    ("sinch_hosting_order_info", {"id": ""}, "id must not be empty"),
    ("sinch_hosting_order_info", {"region_code": "\u017fe"}, "not an ISO 3166-1"),
    ("sinch_qualified_number", {"phone_number": "+46701234567"}, "not a US or Canadian number"),
    ("sinch_qualified_number", {"phone_number": ""}, "phone_number must not be empty"),
    ("sinch_qualified_number", {"phone_number": "+13125550191",
                                "text_enable": {"service_plan_id": "p", "loa": {"type": "blanket"},
                                                "callback_url": "not a url"}},
     "text_enable.callback_url 'not a url' is not an http(s) URL"),
    ("sinch_qualified_number", {"phone_number": "+13125550191", "verification_code": "  "}, "verification_code is empty"),
    ("sinch_qualified_number_info", {"phone_number": ""}, "phone_number must not be empty"),
    ("sinch_registration", {"id": ""}, "id must not be empty"),
    ("sinch_registration", {"policy_id": "", "request_details": DETAILS}, "policy_id must not be empty"),
    ("sinch_registration", {"policy_id": "p", "sender_id": "", "request_details": DETAILS}, "sender_id must not be empty"),
    ("sinch_registration", {"policy_id": "p", "request_details": DETAILS, "callback_url": "not a url"},
     "is not an http(s) URL"),
    ("sinch_registration", {"policy_id": "p", "request_details": DETAILS, "tags": ["a\u0000"]}, "tags[0] contains a"),
    ("sinch_registration", {"policy_id": "p", "request_details": DETAILS, "registrations_url": REMOTE_HTTP},
     "uses plain http"),
    ("sinch_registration_info", {"id": ""}, "id must not be empty"),
    ("sinch_registration_info", {"sender_id": "A\u0000"}, "control character"),
    ("sinch_policy_info", {"policy_id": ""}, "policy_id must not be empty"),
    ("sinch_market_info", {"market_code": HUGE}, "at most 2048"),
    ("sinch_callback_config", {"api": "numbers", "hmac_secret": ""}, "hmac_secret must be a non-empty string"),
    ("sinch_callback_config", {"api": "numbers", "hmac_secret": " padded "}, "hmac_secret must be a non-empty string"),
    ("sinch_callback_config", {"api": "registrations", "hmac_secret": "x1234",
                               "registrations_url": WITH_CREDENTIALS}, "must not carry credentials"),
    ("sinch_legacy_number", {"group_id": 0, "count": 1}, "group_id"),
    ("sinch_legacy_number", {"group_id": 13, "count": 1, "legacy_portal_url": "http://portal.example.com"},
     "uses plain http"),
    ("sinch_legacy_number", {"group_id": 13, "count": 1, "legacy_user_url": WITH_CREDENTIALS},
     "must not carry credentials"),
    ("sinch_legacy_number", {"count": 1, "city": "PARIS\u0000"}, "city contains a control"),
    ("sinch_legacy_number_info", {"application_key": ""}, "application_key must not be empty"),
    ("sinch_app_number", {"application_key": "", "numbers": ["+14150005550"]}, "application_key must not be empty"),
    ("sinch_app_number", {"application_key": APP_KEY, "numbers": ["+1415\u0000"]}, "numbers[0] contains a control"),
    ("sinch_app_number", {"application_key": APP_KEY, "numbers": ["not a number"]}, "not a valid E.164"),
]

LOOKUP = "sinch.numbers.active_numbers"
# (keyword arguments of the lookup, what the message must contain); connection options come from SINCH_* variables
LOOKUP_CASES = [
    ({"region_codes": ["\u017fe"]}, "not an ISO 3166-1"),
    ({"number_pattern": "12a"}, "must be digits"),
    ({"numbers_url": REMOTE_HTTP}, "uses plain http"),
    ({"numbers_url": WITH_CREDENTIALS}, "must not carry credentials"),
    ({"display_name_pattern": "a\u0000"}, "control character"),
    ({"page_size": 0}, "page_size"),
]
# (inventory source options, what the error must contain)
INVENTORY_CASES = [
    ({"region_codes": ["\u017fe"]}, "not an ISO 3166-1"),
    ({"numbers_url": REMOTE_HTTP}, "uses plain http"),
    ({"numbers_url": WITH_CREDENTIALS}, "must not carry credentials"),
]


def module_task(index, module, args):
    return {"name": "case %d: %s" % (index, module), "sinch.numbers." + module: args,
            "register": "case_%d" % index, "ignore_errors": True}


def lookup_task(index, kwargs):
    # The arguments travel as task vars (JSON strings keep a NUL a NUL; a Jinja literal would not).
    return {"name": "case %d: lookup" % index, "vars": {"case_args": kwargs}, "ansible.builtin.debug": {
        "msg": "{{ lookup('%s', **case_args) }}" % LOOKUP}, "register": "case_%d" % index, "ignore_errors": True}


def check(result, expect):
    """None when the case failed cleanly with the expected message, else why not."""
    text = json.dumps(result)
    if not result.get("failed"):
        return "did not fail"
    # ansible-core 2.19+ puts "(traceback unavailable)" in every failure's exception: not a traceback.
    if "Traceback (most recent call last)" in text or "MODULE FAILURE" in text or result.get("module_stderr"):
        return "traceback: %s" % (result.get("module_stderr") or result.get("exception") or result.get("msg"))[:300]
    if PASSWORD in text:
        return "the URL's password is in the result"
    if expect not in (result.get("msg") or ""):
        return "message %r lacks %r" % ((result.get("msg") or "")[:300], expect)
    return None


def main(args):
    config = simlib.read_config(args)
    sim = simlib.Simulator(config["sinch_sim_url"])
    work = tempfile.mkdtemp(prefix="bad_input.")
    log = os.path.join(os.environ.get("OUTPUT_DIR") or work, "bad_input.log")
    cases = [(module, expect) for module, _args, expect in MODULE_CASES]
    tasks = [module_task(index, module, arguments) for index, (module, arguments, _expect) in enumerate(MODULE_CASES)]
    for kwargs, expect in LOOKUP_CASES:
        tasks.append(lookup_task(len(cases), kwargs))
        cases.append(("lookup " + LOOKUP, expect))
    results_file = os.path.join(work, "results.json")
    tasks.append({"name": "save the results", "ansible.builtin.copy": {
        "content": "{{ [%s] | to_json }}" % ", ".join("case_%d" % index for index in range(len(cases))),
        "dest": results_file, "mode": "0600"}})
    play = os.path.join(work, "bad_input.yml")
    simlib.write_play(play, tasks, config, "bad input")
    sim.clear_requests()
    environment = dict(os.environ, SINCH_KEY_ID=config["sinch_key_id"], SINCH_KEY_SECRET=config["sinch_key_secret"],
                       SINCH_PROJECT_ID=config["sinch_project_id"], SINCH_NUMBERS_URL=config["sinch_sim_url"],
                       SINCH_AUTH_URL=config["sinch_sim_url"])
    with open(log, "a", encoding="utf-8") as stream:
        code = subprocess.call(simlib.playbook_command(play, args), stdout=stream, stderr=subprocess.STDOUT,
                               env=environment)
    if code != 0 or not os.path.exists(results_file):
        raise SystemExit("the bad-input playbook itself failed (exit %d): see %s" % (code, log))
    with open(results_file, encoding="utf-8") as stream:
        results = json.load(stream)
    problems = []
    for (name, expect), result in zip(cases, results):
        why = check(result, expect)
        if why:
            problems.append("%s (expecting %r): %s" % (name, expect, why))
    for index, (options, expect) in enumerate(INVENTORY_CASES):
        source = os.path.join(work, "case%d.sinch.yml" % index)
        with open(source, "w", encoding="utf-8") as stream:
            json.dump(dict(options, plugin=LOOKUP), stream)
        run = subprocess.run(["ansible-inventory", "-i", source, "--list"], capture_output=True, text=True,
                             env=dict(environment, ANSIBLE_INVENTORY_UNPARSED_FAILED="true"), check=False)
        output = run.stdout + run.stderr
        cases.append(("inventory " + LOOKUP, expect))
        if run.returncode == 0:
            problems.append("inventory %s: did not fail" % options)
        elif expect not in output or "Traceback" in output or PASSWORD in output:
            problems.append("inventory %s (expecting %r): %s" % (options, expect, output[-400:]))
    sent = sim.requests()
    if sent:
        problems.append("requests reached the API: %s" % ["%s %s" % (e["method"], e["path"]) for e in sent][:10])
    modules = {name for name, _expect in cases}
    print("%d bad-input cases over %d modules and plugins, %d problems" % (len(cases), len(modules), len(problems)))
    for problem in problems:
        print("FAILED " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
