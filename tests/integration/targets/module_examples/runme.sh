#!/usr/bin/env bash
# Every module, lookup and filter plugin's EXAMPLES run, as documented, against the simulator.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

# ansible-test runs this from a work tree holding only the targets; the collection itself is on
# ANSIBLE_COLLECTIONS_PATH (scripts/run-target.sh links the checkout there).
root=$(collection_root plugins/modules)
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

# The simulator URL and credentials from the integration config (or -e @file arguments).
simulator_settings "${work}"
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
