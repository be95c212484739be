#!/usr/bin/env bash
# No dashboard password, user authorization or instance secret may appear in -vvvv output,
# diffs or error messages of the legacy number administration modules.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

log="${out_dir}/sinch_legacy_secrets.log"
issued_file="${out_dir}/sinch_legacy_secrets.issued"
vvvv_run "${log}" secrets.yml -e "issued_file=${issued_file}"

# The user authorization is "<base64 payload>:<base64 signature>": look for each half too.
mapfile -t issued <"${issued_file}"
((${#issued[@]} >= 4)) || { echo "fewer than two authorizations and two instance secrets were issued: the test proves little"; exit 1; }
secrets=("demo-dashboard-password" "wrong-password-4711")
for value in "${issued[@]}"; do
    secrets+=("${value}")
    [[ "${value}" == *:* ]] && secrets+=("${value%%:*}" "${value##*:}")
done
no_secret_in "${log}" "${secrets[@]}"
grep -q "Invalid email or password. (check email and password" "${log}" \
    || { echo "the wrong-password run did not fail with a clear message"; exit 1; }
echo "checked $(wc -l <"${log}") lines of -vvvv output: no password, authorization or instance secret (${#issued[@]} issued)"
