#!/usr/bin/env bash
# sinch_qualified_number needs a script target: besides its tasks (tasks/, run by play.yml), it checks
# -vvvv output for secrets and runs the user guide's playbook in its two phases.
set -euo pipefail

# ansible-test copies the integration config next to the targets but does not pass it on;
# scripts/run-target.sh passes it as arguments instead.
config_args=("$@")
config_file=
if [[ -f ../../integration_config.yml ]]; then
    config_file=../../integration_config.yml
    config_args+=(-e @../../integration_config.yml)
elif [[ "${1:-}" == -e && "${2:-}" == @* ]]; then
    config_file=${2#@}
fi
[[ -n "${config_file}" ]] || { echo "no integration config (expected ../../integration_config.yml or -e @FILE)"; exit 1; }
config() { sed -n "s/^$1: *//p" "${config_file}" | tr -d "\"'"; }

export ANSIBLE_ROLES_PATH=..
inventory=${INVENTORY_PATH:-localhost,}
out_dir=${OUTPUT_DIR:-$(mktemp -d)}

echo "== role tasks"
ansible-playbook -i "${inventory}" play.yml "${config_args[@]}"

echo "== no secret in -vvvv output"
log="${out_dir}/sinch_qualified_number_secrets.log"
secrets_file="${out_dir}/sinch_qualified_number.secrets"
ansible-playbook -i "${inventory}" secrets.yml -vvvv --diff -e "secrets_file=${secrets_file}" "${config_args[@]}" \
    >"${log}" 2>&1 || { cat "${log}"; exit 1; }
mapfile -t secrets <"${secrets_file}"
[[ ${#secrets[@]} -eq 4 ]] || { echo "expected 4 secrets to look for, got ${#secrets[@]}"; exit 1; }
for secret in "${secrets[@]}"; do
    if grep -qF -- "${secret}" "${log}"; then
        echo "secret leaked into the output: ${secret:0:4}..."
        grep -nF -- "${secret}" "${log}" | head -5
        exit 1
    fi
done
grep -q "GLOBAL_PROCESS_STATE_VERIFIED" "${log}" || { echo "the verification did not run: the check proves nothing"; exit 1; }
grep -q "key_id and key_secret" "${log}" || { echo "the wrong-secret run did not fail as expected"; exit 1; }
echo "checked $(wc -l <"${log}") lines: no key secret, no verification code"

echo "== the user guide's playbook (docs/examples/bring_your_own_numbers.yml)"
guide=
IFS=: read -r -a collection_paths <<<"${ANSIBLE_COLLECTIONS_PATH:-}"
for path in "${collection_paths[@]}"; do
    candidate="${path}/ansible_collections/sinch/numbers/docs/examples/bring_your_own_numbers.yml"
    [[ -f "${candidate}" ]] && guide=${candidate} && break
done
[[ -n "${guide}" ]] || { echo "docs/examples/bring_your_own_numbers.yml not found on ANSIBLE_COLLECTIONS_PATH"; exit 1; }
sim_url=$(config sinch_sim_url)
export SINCH_IMPORTED_NUMBERS_URL="${sim_url}" SINCH_AUTH_URL="${sim_url}"
SINCH_PROJECT_ID=$(config sinch_project_id)
SINCH_KEY_ID=$(config sinch_key_id)
SINCH_KEY_SECRET=$(config sinch_key_secret)
export SINCH_PROJECT_ID SINCH_KEY_ID SINCH_KEY_SECRET
# the landline of the guide (byon_landline)
landline=%2B13125550190
guide_run() { # guide_run N ARGS...: run the guide, keep its output in guideN.log
    local n=$1
    shift
    ANSIBLE_NOCOLOR=1 ansible-playbook -i "${inventory}" "${guide}" -e byon_wait_interval=0.2 "$@" \
        >"${out_dir}/guide$n.log" 2>&1 || { cat "${out_dir}/guide$n.log"; echo "guide run $n failed"; exit 1; }
    sed -n '/^PLAY RECAP/,$p' "${out_dir}/guide$n.log"
}
python3 - "${sim_url}/_sim/reset" <<'PYEOF'
import sys, urllib.request
urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b"{}", method="POST"), timeout=10).read()
PYEOF

guide_run 1
grep -q "run this playbook again with -e voice_code" "${out_dir}/guide1.log" || { echo "run 1 did not stop for the code"; exit 1; }
code=$(python3 - "${sim_url}/_sim/imported/voiceChallenges/${landline}" <<'PYEOF'
import json, sys, urllib.request
print(json.load(urllib.request.urlopen(sys.argv[1], timeout=10))["code"])
PYEOF
)
guide_run 2 -e "voice_code=${code}"
grep -qF "+13125550190 '" "${out_dir}/guide2.log" || { echo "run 2 did not bring the landline onto Sinch"; exit 1; }
guide_run 3 -e "voice_code=${code}"
if sed -n '/^PLAY RECAP/,$p' "${out_dir}/guide3.log" | grep -E 'changed=[1-9]'; then
    echo "the guide's third run changed something: not idempotent"
    exit 1
fi
echo "guide: run 1 stopped for the code, run 2 finished, run 3 changed nothing"
