#!/usr/bin/env bash
# `make simulator`: run the local Sinch API simulator in the foreground, for trying the guides'
# playbooks by hand. Once it listens it writes .ansible/simulator.env, which points the modules,
# the lookup and the inventory plugin at it (SINCH_* variables, demo credentials, this checkout as
# the collection); in another shell: source .ansible/simulator.env
#   SIM_PORT=8765 (default)   SIM_PROVISIONING_DELAY=2 (seconds, default)
# A busy port fails with a message and leaves .ansible/simulator.env as it was.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"${SCRIPTS_DIR}/bootstrap.sh" >/dev/null
exec "${SCRIPTS_DIR}/serve_simulator.sh" "${SIM_PORT:-8765}" "${ROOT}/.ansible/simulator.env"
