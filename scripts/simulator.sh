#!/usr/bin/env bash
# `make simulator`: run the local Sinch API simulator in the foreground, for trying the guides'
# playbooks by hand. It writes .ansible/simulator.env, which points the modules, the lookup and
# the inventory plugin at it (SINCH_* variables, demo credentials, this checkout as the
# collection); in another shell: source .ansible/simulator.env
#   SIM_PORT=8765 (default)   SIM_PROVISIONING_DELAY=2 (seconds, default)
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"${SCRIPTS_DIR}/bootstrap.sh" >/dev/null
link_collection
PORT=${SIM_PORT:-8765}
URL="http://127.0.0.1:${PORT}"
ENV_FILE="${ROOT}/.ansible/simulator.env"
{
    printf '# written by make simulator: source it in the shell you run playbooks from\n'
    printf 'export SIM=%s\n' "${URL}"
    simulator_environment "${URL}"
    printf 'export ANSIBLE_COLLECTIONS_PATH=%s\n' "${COLLECTIONS}"
    printf 'export ANSIBLE_PYTHON_INTERPRETER=%s\n' "${VENV}/bin/python"
    # shellcheck disable=SC2016 # $PATH is for the shell that sources the file
    printf 'export PATH=%s/bin:$PATH\n' "${VENV}"
} >"${ENV_FILE}"
info "simulator: ${URL} (Ctrl-C stops it)"
info "in another shell: source ${ENV_FILE#"${ROOT}/"}"
cd "${ROOT}"
exec "${VENV}/bin/python" -m tests.simulator --port "${PORT}" --provisioning-delay "${SIM_PROVISIONING_DELAY:-2}"
