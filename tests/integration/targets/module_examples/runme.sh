#!/usr/bin/env bash
# Every module, lookup and filter plugin's EXAMPLES run, as documented, against the simulator.
set -euo pipefail

config_args=("$@")
if [[ -f ../../integration_config.yml ]]; then
    config_args+=(-e @../../integration_config.yml)
fi
# ansible-test runs this from a work tree holding only the targets; the collection itself is on
# ANSIBLE_COLLECTIONS_PATH. scripts/run-target.sh runs it in the checkout.
root=$(cd ../../../.. && pwd)
for candidate in ${ANSIBLE_COLLECTIONS_PATH//:/ }; do
    if [[ -d "${candidate}/ansible_collections/sinch/numbers/plugins" ]]; then
        root="${candidate}/ansible_collections/sinch/numbers"
        break
    fi
done
[[ -d "${root}/plugins/modules" ]] || { echo "cannot find the collection's plugins (looked in ${root})"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

# The simulator URL and credentials from the integration config (or -e @file arguments).
ansible localhost -c local -m ansible.builtin.copy "${config_args[@]}" \
    -a "dest=${work}/settings.sh mode=0600 content='SIM_URL={{ sinch_sim_url }}\nPROJECT={{ sinch_project_id }}\nKEY_ID={{ sinch_key_id }}\nKEY_SECRET={{ sinch_key_secret }}\n'" >/dev/null
# shellcheck disable=SC1091
source "${work}/settings.sh"
export SINCH_NUMBERS_URL="${SIM_URL}" SINCH_AUTH_URL="${SIM_URL}" SINCH_IMPORTED_NUMBERS_URL="${SIM_URL}" \
    SINCH_REGISTRATIONS_URL="${SIM_URL}" SINCH_PROJECT_ID="${PROJECT}" SINCH_KEY_ID="${KEY_ID}" \
    SINCH_KEY_SECRET="${KEY_SECRET}" SINCH_RETRY_MAX_DELAY=0.2
if [[ -f "${root}/tests/integration/targets/module_examples/legacy_env.sh" ]]; then
    # shellcheck disable=SC1091
    source "${root}/tests/integration/targets/module_examples/legacy_env.sh"
fi

python_bin=$(command -v python3)
"${python_bin}" build_playbook.py "${root}" "${SIM_URL}" "${work}/examples.json"
ansible-playbook -i localhost, "${work}/examples.json"
