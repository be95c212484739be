#!/usr/bin/env bash
# Runs the lookup tests (tasks/, through runme.yml) at -vvvv and proves that no credential reaches
# the output, then lists numbers with credentials taken from SINCH_* environment variables only.
# ansible-test runs this without arguments (the integration config is ../../integration_config.yml);
# scripts/run-target.sh passes -e @<config>.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"
# ansible-test points the interpreter at a placeholder that inventories must override.
export ANSIBLE_PYTHON_INTERPRETER=${PYTHON}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lookup_active_numbers.XXXXXX")
trap 'rm -rf "${WORK}"' EXIT

ansible-playbook -i localhost, write_env.yml "${config_args[@]}" -e "env_file=${WORK}/sinch.env"
# shellcheck disable=SC1091
source "${WORK}/sinch.env"

if ! ansible-playbook -i localhost, runme.yml "${config_args[@]}" -vvvv >"${WORK}/vvvv.log" 2>&1; then
    cat "${WORK}/vvvv.log"
    exit 1
fi
echo "runme.yml passed ($(wc -l <"${WORK}/vvvv.log") lines of -vvvv output)"
grep -qF "sinch.numbers.active_numbers: 11 numbers listed in 13 requests" "${WORK}/vvvv.log"

BASIC=$(printf '%s:%s' "${SINCH_KEY_ID}" "${SINCH_KEY_SECRET}" | base64 | tr -d '\n')
if grep -n -F -e "${SINCH_KEY_SECRET}" -e "${BASIC}" "${WORK}/vvvv.log"; then
    echo "FAILED: the key secret (or the Basic credentials) appear in the -vvvv output above" >&2
    exit 1
fi
echo "no credential in the -vvvv output"

export SINCH_KEY_ID SINCH_KEY_SECRET SINCH_PROJECT_ID SINCH_NUMBERS_URL SINCH_AUTH_URL
ansible-playbook -i localhost, environment.yml
