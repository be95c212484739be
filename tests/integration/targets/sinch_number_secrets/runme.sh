#!/usr/bin/env bash
# No key secret and no OAuth2 token may appear in -vvvv output, diffs or error messages.
set -euo pipefail

# ansible-test copies the integration config next to the targets but does not pass it on;
# scripts/run-target.sh passes it as arguments instead.
config_args=("$@")
if [[ -f ../../integration_config.yml ]]; then
    config_args+=(-e @../../integration_config.yml)
fi

export ANSIBLE_ROLES_PATH=..
out_dir=${OUTPUT_DIR:-$(mktemp -d)}
log="${out_dir}/sinch_number_secrets.log"
tokens="${out_dir}/sinch_number_secrets.tokens"

ansible-playbook -i "${INVENTORY_PATH:-localhost,}" secrets.yml -vvvv --diff \
    -e "tokens_file=${tokens}" "${config_args[@]}" >"${log}" 2>&1 || { cat "${log}"; exit 1; }

secrets=("demo-secret" "wrong-secret-4711")
mapfile -t issued <"${tokens}"
[[ ${#issued[@]} -gt 0 ]] || { echo "no OAuth2 token was issued: the test proves nothing"; exit 1; }
for secret in "${secrets[@]}" "${issued[@]}"; do
    if grep -qF -- "${secret}" "${log}"; then
        echo "secret leaked into the output: ${secret:0:6}..."
        grep -nF -- "${secret}" "${log}" | head -5
        exit 1
    fi
done
grep -q "key_id and key_secret" "${log}" || { echo "the wrong-secret run did not fail as expected"; exit 1; }
echo "checked $(wc -l <"${log}") lines of -vvvv output: no key secret, no token (${#issued[@]} tokens issued)"
