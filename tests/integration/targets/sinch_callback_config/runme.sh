#!/usr/bin/env bash
# sinch_callback_config against the simulator, run with -vvvv --diff: no HMAC secret may appear
# in the output, the diffs or the error messages.
set -euo pipefail

# ansible-test copies the integration config next to the targets but does not pass it on;
# scripts/run-target.sh passes it as arguments instead.
config_args=("$@")
if [[ -f ../../integration_config.yml ]]; then
    config_args+=(-e @../../integration_config.yml)
fi

export ANSIBLE_ROLES_PATH=..
out_dir=${OUTPUT_DIR:-$(mktemp -d)}
log="${out_dir}/sinch_callback_config.log"

ansible-playbook -i "${INVENTORY_PATH:-localhost,}" callback_config.yml -vvvv --diff "${config_args[@]}" \
    >"${log}" 2>&1 || { cat "${log}"; exit 1; }

# Every secret callback_config.yml sets (see its vars), and the key secret.
secrets=(numbers-hmac-1st-4b7e numbers-hmac-2nd-91c3 registrations-hmac-1st-d2f8 registrations-hmac-2nd-7a05
    masked-hmac-e61d demo-secret)
for secret in "${secrets[@]}"; do
    if grep -qF -- "${secret}" "${log}"; then
        echo "secret leaked into the output: ${secret:0:8}..."
        grep -nF -- "${secret}" "${log}" | head -5
        exit 1
    fi
done
# The run must have shown diffs and a failure message, or the check above proves little.
grep -q 'hmac_secret_set' "${log}" || { echo "no diff in the output"; exit 1; }
grep -q 'check project_id' "${log}" || { echo "the unknown-project run did not fail as expected"; exit 1; }
echo "checked $(wc -l <"${log}") lines of -vvvv --diff output: no HMAC secret, no key secret"
