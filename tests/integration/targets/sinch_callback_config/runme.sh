#!/usr/bin/env bash
# sinch_callback_config against the simulator, run with -vvvv --diff: no HMAC secret may appear
# in the output, the diffs or the error messages.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

log="${out_dir}/sinch_callback_config.log"

vvvv_run "${log}" callback_config.yml

# Every secret callback_config.yml sets (see its vars), and the key secret.
no_secret_in "${log}" numbers-hmac-1st-4b7e numbers-hmac-2nd-91c3 registrations-hmac-1st-d2f8 \
    registrations-hmac-2nd-7a05 masked-hmac-e61d demo-secret
# The run must have shown diffs and a failure message, or the check above proves little.
grep -q 'hmac_secret_set' "${log}" || { echo "no diff in the output"; exit 1; }
grep -q 'check project_id' "${log}" || { echo "the unknown-project run did not fail as expected"; exit 1; }
echo "checked $(wc -l <"${log}") lines of -vvvv --diff output: no HMAC secret, no key secret"
