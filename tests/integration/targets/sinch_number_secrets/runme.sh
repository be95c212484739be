#!/usr/bin/env bash
# No key secret and no OAuth2 token may appear in -vvvv output, diffs or error messages.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

log="${out_dir}/sinch_number_secrets.log"
tokens="${out_dir}/sinch_number_secrets.tokens"
vvvv_run "${log}" secrets.yml -e "tokens_file=${tokens}"

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
no_secret_in "${log}" "${secrets[@]}" "${issued[@]}"
grep -q "key_id and key_secret" "${log}" || { echo "the wrong-secret run did not fail as expected"; exit 1; }
echo "checked $(wc -l <"${log}") lines of -vvvv output: no key secret, no token (${#issued[@]} tokens issued)"
