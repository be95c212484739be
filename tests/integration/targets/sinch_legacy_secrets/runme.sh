#!/usr/bin/env bash
# No dashboard password, user authorization or instance secret may appear in -vvvv output,
# diffs or error messages of the legacy number administration modules.
set -euo pipefail

# ansible-test copies the integration config next to the targets but does not pass it on;
# scripts/run-target.sh passes it as arguments instead.
config_args=("$@")
if [[ -f ../../integration_config.yml ]]; then
    config_args+=(-e @../../integration_config.yml)
fi

export ANSIBLE_ROLES_PATH=..
out_dir=${OUTPUT_DIR:-$(mktemp -d)}
log="${out_dir}/sinch_legacy_secrets.log"
issued_file="${out_dir}/sinch_legacy_secrets.issued"

ansible-playbook -i "${INVENTORY_PATH:-localhost,}" secrets.yml -vvvv --diff \
    -e "issued_file=${issued_file}" "${config_args[@]}" >"${log}" 2>&1 || { cat "${log}"; exit 1; }

# The user authorization is "<base64 payload>:<base64 signature>": look for each half too.
mapfile -t issued <"${issued_file}"
((${#issued[@]} >= 4)) || { echo "fewer than two authorizations and two instance secrets were issued: the test proves little"; exit 1; }
secrets=("demo-dashboard-password" "wrong-password-4711")
for value in "${issued[@]}"; do
    secrets+=("${value}")
    [[ "${value}" == *:* ]] && secrets+=("${value%%:*}" "${value##*:}")
done
for secret in "${secrets[@]}"; do
    if grep -qF -- "${secret}" "${log}"; then
        echo "secret leaked into the output: ${secret:0:6}..."
        grep -nF -- "${secret}" "${log}" | head -5
        exit 1
    fi
done
grep -q "Invalid email or password. (check email and password" "${log}" \
    || { echo "the wrong-password run did not fail with a clear message"; exit 1; }
echo "checked $(wc -l <"${log}") lines of -vvvv output: no password, authorization or instance secret (${#issued[@]} issued)"
