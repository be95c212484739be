#!/usr/bin/env bash
# sinch_qualified_number needs a script target: besides its tasks (tasks/, run by play.yml), it checks
# -vvvv output for secrets and runs the user guide's playbook in its two phases.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"

inventory=${INVENTORY_PATH:-localhost,}

echo "== role tasks"
ansible-playbook -i "${inventory}" play.yml "${config_args[@]}"

echo "== no secret in -vvvv output"
log="${out_dir}/sinch_qualified_number_secrets.log"
secrets_file="${out_dir}/sinch_qualified_number.secrets"
vvvv_run "${log}" secrets.yml -e "secrets_file=${secrets_file}"
mapfile -t secrets <"${secrets_file}"
[[ ${#secrets[@]} -eq 4 ]] || { echo "expected 4 secrets to look for, got ${#secrets[@]}"; exit 1; }
no_secret_in "${log}" "${secrets[@]}"
grep -q "GLOBAL_PROCESS_STATE_VERIFIED" "${log}" || { echo "the verification did not run: the check proves nothing"; exit 1; }
grep -q "key_id and key_secret" "${log}" || { echo "the wrong-secret run did not fail as expected"; exit 1; }
echo "checked $(wc -l <"${log}") lines: no key secret, no verification code"

echo "== the user guide's playbook (docs/examples/bring_your_own_numbers.yml)"
guide=$(collection_root docs/examples/bring_your_own_numbers.yml)/docs/examples/bring_your_own_numbers.yml
simulator_settings "${out_dir}"
export SINCH_IMPORTED_NUMBERS_URL="${SIM_URL}" SINCH_AUTH_URL="${SIM_URL}" SINCH_PROJECT_ID="${PROJECT}" \
    SINCH_KEY_ID="${KEY_ID}" SINCH_KEY_SECRET="${KEY_SECRET}"
# the landline of the guide (byon_landline)
landline=%2B13125550190
guide_run() { # guide_run N ARGS...: run the guide, keep its output in guideN.log
    local n=$1
    shift
    ANSIBLE_NOCOLOR=1 ansible-playbook -i "${inventory}" "${guide}" -e byon_wait_interval=0.2 "$@" \
        >"${out_dir}/guide$n.log" 2>&1 || { cat "${out_dir}/guide$n.log"; echo "guide run $n failed"; exit 1; }
    sed -n '/^PLAY RECAP/,$p' "${out_dir}/guide$n.log"
}
sim_json POST /_sim/reset '{}' >/dev/null

guide_run 1
grep -q "run this playbook again with -e voice_code" "${out_dir}/guide1.log" || { echo "run 1 did not stop for the code"; exit 1; }
code=$(sim_json GET "/_sim/imported/voiceChallenges/${landline}" | "${PYTHON}" -c 'import json, sys; print(json.load(sys.stdin)["code"])')
guide_run 2 -e "voice_code=${code}"
grep -qF "+13125550190 '" "${out_dir}/guide2.log" || { echo "run 2 did not bring the landline onto Sinch"; exit 1; }
guide_run 3 -e "voice_code=${code}"
if sed -n '/^PLAY RECAP/,$p' "${out_dir}/guide3.log" | grep -E 'changed=[1-9]'; then
    echo "the guide's third run changed something: not idempotent"
    exit 1
fi
echo "guide: run 1 stopped for the code, run 2 finished, run 3 changed nothing"
