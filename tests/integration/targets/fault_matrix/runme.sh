#!/usr/bin/env bash
# Every write path of every module under lost answers, refusals and a killed process
# (matrix.py), then bad input that must fail before any request (bad_input.py).
# ansible-test runs this without arguments (the integration config is ../../integration_config.yml);
# scripts/run-target.sh passes -e @<config>. FAULT_MATRIX_PARTS="bad_input" runs one part while developing.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

for part in ${FAULT_MATRIX_PARTS:-bad_input matrix}; do
    "${PYTHON}" "${part}.py" "${config_args[@]}"
done
