# shellcheck shell=bash
# What the runme.sh of the script targets share. Source it from the target's directory, where
# ansible-test and scripts/run-target.sh both run runme.sh:
#     source ../setup_sinch/files/runme_lib.sh "$@"
# The target's aliases must hold needs/target/setup_sinch: ansible-test copies only the targets a
# target names, and this file must sit next to the target's own directory in that copy too.
#
# On sourcing it sets
#   config_args   the integration config as ansible-playbook arguments: scripts/run-target.sh
#                 passes -e @FILE (kept), ansible-test copies the config to
#                 ../../integration_config.yml but does not pass it on (added here);
#   PYTHON        the Python that runs the target's helper scripts (ansible-test's, else python3);
#   out_dir       where the target keeps its logs: ansible-test's OUTPUT_DIR, else a new temporary
#                 directory (left for a look after a failure);
#   ANSIBLE_ROLES_PATH=..   so that plays find setup_sinch and the target's own role.

config_args=("$@")
if [[ -f ../../integration_config.yml ]]; then
    config_args+=(-e @../../integration_config.yml)
fi
PYTHON=${ANSIBLE_TEST_PYTHON_INTERPRETER:-${ANSIBLE_PYTHON_INTERPRETER:-python3}}
# shellcheck disable=SC2034  # for the runme.sh that source this file
out_dir=${OUTPUT_DIR:-$(mktemp -d)}
export ANSIBLE_ROLES_PATH=..

# logged LOG COMMAND...: run COMMAND with its output in LOG; on failure show LOG and exit.
logged() {
    local log=$1
    shift
    "$@" >"${log}" 2>&1 || { cat "${log}"; exit 1; }
}

# vvvv_run LOG PLAYBOOK ARGS...: PLAYBOOK at -vvvv --diff with ARGS and the integration config,
# its output in LOG (logged).
vvvv_run() {
    local log=$1 playbook=$2
    shift 2
    logged "${log}" ansible-playbook -i "${INVENTORY_PATH:-localhost,}" "${playbook}" -vvvv --diff "$@" "${config_args[@]}"
}

# no_secret_in LOG SECRET...: exit, naming the first characters of the secret and the lines,
# when LOG holds any SECRET.
no_secret_in() {
    local log=$1 secret
    shift
    for secret in "$@"; do
        if grep -qF -- "${secret}" "${log}"; then
            echo "secret leaked into the output: ${secret:0:4}..."
            grep -nF -- "${secret}" "${log}" | head -5
            exit 1
        fi
    done
}

# simulator_settings DIR: SIM_URL, PROJECT, KEY_ID and KEY_SECRET from the integration config
# (written to DIR/settings.sh, mode 0600, and sourced).
simulator_settings() {
    ansible localhost -c local -m ansible.builtin.copy "${config_args[@]}" \
        -a "dest=$1/settings.sh mode=0600 content='SIM_URL={{ sinch_sim_url }}\nPROJECT={{ sinch_project_id }}\nKEY_ID={{ sinch_key_id }}\nKEY_SECRET={{ sinch_key_secret }}\n'" >/dev/null
    # shellcheck disable=SC1091
    source "$1/settings.sh"
}

# sim_json METHOD PATH [BODY]: a JSON request to the simulator at SIM_URL; prints the answer.
sim_json() {
    "${PYTHON}" - "$1" "${SIM_URL}$2" "${3:-}" <<'PYEOF'
import sys, urllib.request
method, url, body = sys.argv[1:4]
request = urllib.request.Request(url, data=body.encode() if body else None, method=method,
                                 headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request, timeout=30) as response:
    print(response.read().decode())
PYEOF
}

# collection_root FILE: the root of the sinch.numbers collection on ANSIBLE_COLLECTIONS_PATH that
# holds FILE (ansible-test's installed copy, or scripts/run-target.sh's link to the checkout).
collection_root() {
    local path paths
    IFS=: read -r -a paths <<<"${ANSIBLE_COLLECTIONS_PATH:-}"
    for path in "${paths[@]}"; do
        if [[ -e "${path}/ansible_collections/sinch/numbers/$1" ]]; then
            echo "${path}/ansible_collections/sinch/numbers"
            return 0
        fi
    done
    echo "no sinch.numbers collection with $1 on ANSIBLE_COLLECTIONS_PATH (${ANSIBLE_COLLECTIONS_PATH:-unset})" >&2
    return 1
}
