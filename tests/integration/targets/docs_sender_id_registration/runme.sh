#!/usr/bin/env bash
# docs/examples/register_sender_id.yml, the playbook of docs/sender-id-registration.md, run as a
# user runs it (credentials from SINCH_* variables) against the simulator: twice. The first run
# files the registration and sees it approved; the second changes nothing and files nothing.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

playbook=../../../../docs/examples/register_sender_id.yml
[[ -f "${playbook}" ]] || { echo "missing ${playbook}"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

# The simulator URL and credentials from the integration config, as SINCH_* variables.
simulator_settings "${work}"
export SINCH_REGISTRATIONS_URL="${SIM_URL}" SINCH_AUTH_URL="${SIM_URL}" SINCH_PROJECT_ID="${PROJECT}" \
    SINCH_KEY_ID="${KEY_ID}" SINCH_KEY_SECRET="${KEY_SECRET}"

sim_json POST /_sim/reset '{}' >/dev/null
sim_json POST /_sim/registrations/schedule '{"inQueueSeconds": 0.5, "inProgressSeconds": 0.5}' >/dev/null

mkdir -p "${work}/files"
printf '%%PDF-1.4\n%% ACME AB letter of authorization, signed\n%%%%EOF\n' >"${work}/files/loa.pdf"
cat >"${work}/vars.yml" <<YAML
sinch_registrations_hmac_secret: guide-hmac-secret-58d1
templates_dir: ${work}/templates
documents:
  - title: Letter of authorization
    src: ${work}/files/loa.pdf
approval_timeout: 30
approval_poll_interval: 0.3
YAML

run() { # run NAME: the playbook, its output in ${work}/NAME.log
    ansible-playbook -i "${INVENTORY_PATH:-localhost,}" "${playbook}" -e "@${work}/vars.yml" >"${work}/$1.log" 2>&1 \
        || { cat "${work}/$1.log"; exit 1; }
}
recap() { sed -n 's/^localhost *: \(.*\)$/\1/p' "${work}/$1.log" | tr -s ' '; }
expect() { # expect NAME PATTERN MESSAGE
    grep -q -- "$2" "${work}/$1.log" || { cat "${work}/$1.log"; echo "FAILED: $3"; exit 1; }
}

run first
expect first 'Sender ID ACME in SE is APPROVED' "the first run did not end with an approved registration"
[[ -f "${work}/templates/pol-se-alpha-2-att-loa.pdf" ]] || { echo "FAILED: the template was not saved"; exit 1; }
echo "first run: $(recap first)"

run second
expect second 'changed=0 ' "the second run changed something: $(recap second)"
echo "second run: $(recap second)"

registrations=$(sim_json GET /_sim/requests | python3 -c '
import json, sys
log = json.load(sys.stdin)["requests"]
print(sum(1 for entry in log if entry["method"] == "POST" and entry["path"].endswith("/registrations")))')
[[ "${registrations}" == 1 ]] || { echo "FAILED: ${registrations} registrations filed, expected 1"; exit 1; }
echo "one registration filed in two runs"
