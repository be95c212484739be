#!/usr/bin/env bash
# `make demo`: run playbooks/demo.yml against the local Sinch API simulator three times.
# The second run must change nothing (PLAY RECAP changed=0): the modules are idempotent.
# The third, with demo_state=absent, releases what the first rented.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PLAYBOOK=${DEMO_PLAYBOOK:-${ROOT}/playbooks/demo.yml}
WORK=

cleanup() {
    local rc=$?
    stop_simulator
    [[ -n "${WORK}" ]] && rm -rf "${WORK}"
    exit "${rc}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${SCRIPTS_DIR}/bootstrap.sh"
export PATH="${VENV}/bin:${PATH}"
[[ -f "${PLAYBOOK}" ]] || die "${PLAYBOOK} does not exist"

link_collection
export ANSIBLE_COLLECTIONS_PATH="${COLLECTIONS}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sinch-numbers-demo.XXXXXX")
# SINCH_SIMULATOR_ROOT: start the simulator from another checkout (default: this one)
start_simulator "${SINCH_SIMULATOR_ROOT:-${ROOT}}" "${WORK}"

eval "$(simulator_environment "${SIM_URL}")"
# plain output, so that the PLAY RECAP can be read; modules run with the venv's Python (it has
# requests), never with an interpreter found by discovery (pyenv shims there may be broken)
export ANSIBLE_NOCOLOR=1
# the play targets the implicit localhost on purpose: no inventory is needed, so no warning either
export ANSIBLE_LOCALHOST_WARNING=False
export ANSIBLE_INVENTORY_UNPARSED_WARNING=False
export ANSIBLE_PYTHON_INTERPRETER="${VENV}/bin/python"

run_playbook() { # run_playbook N [ARGS...]: run the demo, print it, keep the output in ${WORK}/runN.log
    local run=$1
    shift
    info ""
    info "==> demo run ${run}: ansible-playbook ${PLAYBOOK#"${ROOT}/"} $*"
    if ! (cd "${ROOT}" && ansible-playbook "$@" "${PLAYBOOK}") 2>&1 \
        | tee "${WORK}/run${run}.log"; then
        die "demo run ${run} failed"
    fi
}

start=${SECONDS}
run_playbook 1
run_playbook 2

# every host line of the second run's PLAY RECAP must say changed=0
recap=$(sed -n '/^PLAY RECAP/,$p' "${WORK}/run2.log")
[[ -n "${recap}" ]] || die "no PLAY RECAP in the second run's output"
if grep -E 'changed=[1-9]' <<<"${recap}"; then
    die "the second demo run changed something: the playbook is not idempotent"
fi

# and finally release what the demo rented
run_playbook 3 -e demo_state=absent
info ""
info "demo: 3 runs in $((SECONDS - start)) s; the second run changed nothing, the third released the numbers"
