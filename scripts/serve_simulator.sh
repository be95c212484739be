#!/usr/bin/env bash
# Run the Sinch API simulator in the foreground on PORT and, once it accepts connections, write
# ENV_FILE: the SINCH_* variables (demo credentials), the collections path and the interpreter that
# point playbooks run by hand at it. The file is written only after the simulator listens, so a
# busy port leaves the previous file as it was. `make simulator` (scripts/simulator.sh) calls this
# after bootstrapping .venv.
#   scripts/serve_simulator.sh PORT ENV_FILE      (SIM_PROVISIONING_DELAY=2 seconds by default)
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 2)) || die "usage: scripts/serve_simulator.sh PORT ENV_FILE"
PORT=$1
ENV_FILE=$2
if ! [[ "${PORT}" =~ ^[0-9]{1,5}$ ]] || ((PORT < 1 || PORT > 65535)); then
    die "SIM_PORT must be a TCP port number from 1 to 65535, got '${PORT}'"
fi
URL="http://127.0.0.1:${PORT}"
SHOWN=${ENV_FILE#"${ROOT}/"}
mkdir -p "$(dirname "${ENV_FILE}")"
READY="${ENV_FILE}.ready.$$"
NEW="${ENV_FILE}.new.$$"
rm -f "${READY}" "${NEW}"
link_collection

cd "${ROOT}"
"${VENV}/bin/python" -m tests.simulator --port "${PORT}" --port-file "${READY}" \
    --provisioning-delay "${SIM_PROVISIONING_DELAY:-2}" &
SIM_PID=$!
trap 'kill -TERM "${SIM_PID}" 2>/dev/null || true' INT TERM
trap 'rm -f "${READY}" "${NEW}"' EXIT

while [[ ! -s "${READY}" ]]; do
    if ! kill -0 "${SIM_PID}" 2>/dev/null; then
        wait "${SIM_PID}" || true
        die "the simulator did not start on port ${PORT} (the line above says why); ${SHOWN} is unchanged.
Another simulator or program may be using the port: pick a free one, e.g. SIM_PORT=$((PORT == 65535 ? 8765 : PORT + 1)) make simulator"
    fi
    sleep 0.1
done

{
    printf '# written by make simulator: source it in the shell you run playbooks from\n'
    printf 'export SIM=%s\n' "${URL}"
    simulator_environment "${URL}"
    printf 'export ANSIBLE_COLLECTIONS_PATH=%s\n' "${COLLECTIONS}"
    printf 'export ANSIBLE_PYTHON_INTERPRETER=%s\n' "${VENV}/bin/python"
    # shellcheck disable=SC2016 # $PATH is for the shell that sources the file
    printf 'export PATH=%s/bin:$PATH\n' "${VENV}"
} >"${NEW}"
mv -f "${NEW}" "${ENV_FILE}"
info "simulator: ${URL} (Ctrl-C stops it)"
info "in another shell: source ${SHOWN}"

rc=0
wait "${SIM_PID}" || rc=$?
# a signal interrupts wait before the simulator has stopped: wait for it to finish
while kill -0 "${SIM_PID}" 2>/dev/null; do
    rc=0
    wait "${SIM_PID}" || rc=$?
done
exit "${rc}"
