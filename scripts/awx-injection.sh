#!/usr/bin/env bash
# The AWX credential injection test (tests/awx): both credential types of extensions/awx rendered as
# AWX renders them, then jobs and an inventory sync run through ansible-runner against the simulator.
#   scripts/awx-injection.sh COLLECTION_ROOT COLLECTIONS_PATH SIM_URL
# make test calls it from its integration gate; ansible-runner comes from tests/requirements-dev.txt.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 3)) || die "usage: $0 COLLECTION_ROOT COLLECTIONS_PATH SIM_URL"
root=$1 collections=$2 sim_url=$3
"${VENV}/bin/python" -c 'import ansible_runner' 2>/dev/null \
    || die "ansible-runner is not installed in ${VENV}: the AWX injection test cannot run (scripts/bootstrap.sh installs tests/requirements-dev.txt)"
[[ -f "${root}/tests/awx/test_credential_injection.py" ]] || die "tests/awx/test_credential_injection.py is missing under ${root}"
cd "${root}"
SIM_URL=${sim_url} ANSIBLE_COLLECTIONS_PATH=${collections} PATH="${VENV}/bin:${PATH}" \
    "${VENV}/bin/python" -m pytest -p no:cacheprovider -q --rootdir "${root}/tests/awx" "${root}/tests/awx"
