#!/usr/bin/env bash
# Developer shortcut: run integration targets (role-style) against a fresh simulator with plain
# ansible-playbook, without ansible-test's copy and venv set-up. `make test` stays the gate.
#   scripts/run-target.sh sinch_number [more targets...]   (extra ansible-playbook args via RUN_TARGET_ARGS)
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# > 0)) || die "usage: scripts/run-target.sh TARGET [TARGET...]"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sinch-target.XXXXXX")
cleanup() {
    local rc=$?
    stop_simulator
    rm -rf "${WORK}"
    exit "${rc}"
}
trap cleanup EXIT

"${SCRIPTS_DIR}/bootstrap.sh" >/dev/null
export PATH="${VENV}/bin:${PATH}"
mkdir -p "${WORK}/ansible_collections/sinch"
ln -s "${ROOT}" "${WORK}/ansible_collections/sinch/numbers"
export ANSIBLE_COLLECTIONS_PATH="${WORK}"
export ANSIBLE_ROLES_PATH="${ROOT}/tests/integration/targets"
export ANSIBLE_PYTHON_INTERPRETER="${VENV}/bin/python"
start_simulator "${ROOT}" "${WORK}"

for target in "$@"; do
    info "==> ${target}"
    if [[ -x "${ROOT}/tests/integration/targets/${target}/runme.sh" ]]; then
        cat >"${WORK}/config.yml" <<YAML
sinch_sim_url: ${SIM_URL}
sinch_project_id: ${DEMO_PROJECT_ID}
sinch_key_id: ${DEMO_KEY_ID}
sinch_key_secret: ${DEMO_KEY_SECRET}
YAML
        (cd "${ROOT}/tests/integration/targets/${target}" && ./runme.sh -e "@${WORK}/config.yml")
        continue
    fi
    cat >"${WORK}/play.yml" <<YAML
- hosts: localhost
  connection: local
  gather_facts: false
  vars:
    sinch_sim_url: ${SIM_URL}
    sinch_project_id: ${DEMO_PROJECT_ID}
    sinch_key_id: ${DEMO_KEY_ID}
    sinch_key_secret: ${DEMO_KEY_SECRET}
  roles:
    - ${target}
YAML
    # shellcheck disable=SC2086
    ansible-playbook -i localhost, "${WORK}/play.yml" ${RUN_TARGET_ARGS:-}
done
