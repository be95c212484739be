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

# An inventory source whose API answers with the Authorization header echoed (a proxy).
# shellcheck disable=SC1091
source "${tokens}.env"
cat >"${out_dir}/echo.sinch.yml" <<YAML
plugin: sinch.numbers.active_numbers
region_codes: [US]
number_types: [LOCAL]
YAML
curl -fsS -X POST -H 'Content-Type: application/json' "${SIM_URL}/_sim/faults" \
    -d '{"rules": [{"path_regex": "activeNumbers", "status": 500, "echo_auth": true, "times": null}]}' >/dev/null
if ANSIBLE_INVENTORY_UNPARSED_FAILED=true SINCH_KEY_ID="${KEY_ID}" SINCH_KEY_SECRET=demo-secret \
    SINCH_PROJECT_ID="${PROJECT_ID}" SINCH_NUMBERS_URL="${SIM_URL}" SINCH_AUTH_URL="${SIM_URL}" \
    ansible-inventory -i "${out_dir}/echo.sinch.yml" --list -vvvv >>"${log}" 2>&1; then
    echo "the inventory whose API echoes the Authorization header did not fail"
    exit 1
fi
curl -fsS -X DELETE "${SIM_URL}/_sim/faults" >/dev/null
grep -qF "request id Basic ********" "${log}" || { echo "the inventory failure shows no masked request id"; exit 1; }

basic=$(printf '%s:%s' "${KEY_ID}" "demo-secret" | base64 -w0)
secrets=("demo-secret" "wrong-secret-4711" "${basic}")
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
