#!/usr/bin/env bash
# Every write path of every module under lost answers, refusals and a killed process
# (matrix.py), then bad input that must fail before any request (bad_input.py).
# ansible-test runs this without arguments (the integration config is ../../integration_config.yml);
# scripts/run-target.sh passes -e @<config>. FAULT_MATRIX_PARTS="bad_input" runs one part while developing.
set -euo pipefail

CONFIG=()
if [[ -f ../../integration_config.yml ]]; then CONFIG=(-e @../../integration_config.yml); fi
CONFIG+=("$@")
export ANSIBLE_ROLES_PATH=..
PYTHON=${ANSIBLE_TEST_PYTHON_INTERPRETER:-${ANSIBLE_PYTHON_INTERPRETER:-python3}}

for part in ${FAULT_MATRIX_PARTS:-bad_input matrix}; do
    "${PYTHON}" "${part}.py" "${CONFIG[@]}"
done
