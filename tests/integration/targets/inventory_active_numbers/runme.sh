#!/usr/bin/env bash
# ansible-inventory against the simulator: golden --graph/--list output for the docs example,
# paging, filters, the cache (a second run sends no request), bad options, credentials from
# options or SINCH_* variables, and no credential in any -vvvv output or cache file.
# ansible-test runs this without arguments (the integration config is ../../integration_config.yml);
# scripts/run-target.sh passes -e @<config>.
set -euo pipefail
# shellcheck source=tests/integration/targets/setup_sinch/files/runme_lib.sh
source ../setup_sinch/files/runme_lib.sh "$@"
# ansible-test points the interpreter at a placeholder that inventories must override.
export ANSIBLE_PYTHON_INTERPRETER=${PYTHON}
# -vvvv goes to stderr so that stdout holds only the inventory; a source that fails to parse fails
# the command instead of leaving an empty inventory.
export ANSIBLE_VERBOSE_TO_STDERR=true ANSIBLE_INVENTORY_UNPARSED_FAILED=true
WORK=$(mktemp -d "${TMPDIR:-/tmp}/inventory_active_numbers.XXXXXX")
trap 'rm -rf "${WORK}"' EXIT
export ANSIBLE_INVENTORY_CACHE_CONNECTION=${WORK}/cache

ansible-playbook -i localhost, setup.yml "${config_args[@]}" -e "work_dir=${WORK}"
# shellcheck disable=SC1091
source "${WORK}/sinch.env"

requests() { # requests LIST_REQUESTS [extra vars...]: what the simulator received since the last call
    ansible-playbook -i localhost, assert_requests.yml "${config_args[@]}" -e "list_requests=$1" "${@:2}" >"${WORK}/assert.log" 2>&1 \
        || { cat "${WORK}/assert.log"; exit 1; }
    echo "ok: $1 list request(s) ${*:2}"
}

inventory() { # inventory NAME ARGS...: ansible-inventory -vvvv, stdout to NAME.out, stderr to NAME.log
    local name=$1
    shift
    if ! ansible-inventory -vvvv "$@" >"${WORK}/${name}.out" 2>"${WORK}/${name}.log"; then
        cat "${WORK}/${name}.log" "${WORK}/${name}.out"
        echo "FAILED: ansible-inventory $*" >&2
        exit 1
    fi
}

same() { # same EXPECTED ACTUAL
    diff -u "$1" "$2" || { echo "FAILED: $2 differs from $1" >&2; exit 1; }
}

with_environment() { # AWX style: run "$@" with the connection settings as exported SINCH_* variables
    (
        export SINCH_KEY_ID SINCH_KEY_SECRET SINCH_PROJECT_ID SINCH_NUMBERS_URL SINCH_AUTH_URL
        "$@"
    )
}

echo "== the docs example: golden --graph and --list"
with_environment inventory graph -i numbers.sinch.yml --graph
same expected/numbers.graph "${WORK}/graph.out"
grep -qF "sinch.numbers.active_numbers: 8 numbers listed in 13 requests" "${WORK}/graph.log"
requests 12 -e region_requests=1
with_environment inventory list -i numbers.sinch.yml --list --output "${WORK}/list.json"
"${PYTHON}" normalize_inventory.py "${WORK}/list.json" >"${WORK}/list.normalized.json"
same expected/numbers.list.json "${WORK}/list.normalized.json"
requests 12 -e region_requests=1

echo "== the same source with the credentials as options, no SINCH_* variable"
inventory options -i "${WORK}/with_options.sinch.yml" --graph
same expected/numbers.graph "${WORK}/options.out"
requests 12 -e region_requests=1

echo "== named regions and pages of 2: ceil(n / 2) requests per (region, type), at least 1"
with_environment inventory paged -i paged.sinch.yml --graph
requests 10
grep -c -- '--+' "${WORK}/paged.out" | grep -qx 8 || { cat "${WORK}/paged.out"; echo "FAILED: expected 8 hosts" >&2; exit 1; }

echo "== capability filtered by the API, display name pattern after listing"
with_environment inventory filtered -i filtered.sinch.yml --graph
printf '@all:\n  |--@ungrouped:\n  |  |--+18332000000\n  |  |--+18332000001\n' >"${WORK}/filtered.expected"
same "${WORK}/filtered.expected" "${WORK}/filtered.out"
requests 3 -e capability=VOICE

echo "== cache: the first run lists, the second sends nothing, --flush-cache lists again"
with_environment inventory cached1 -i cached.sinch.yml --list
requests 10
with_environment inventory cached2 -i cached.sinch.yml --list
requests 0
grep -qF "sinch.numbers.active_numbers: 8 numbers from the cache" "${WORK}/cached2.log"
same "${WORK}/cached1.out" "${WORK}/cached2.out"
# every supported ansible-core: ansible-playbook --flush-cache lists again and refreshes the cache
with_environment ansible-playbook -vvv -i cached.sinch.yml --flush-cache refresh.yml >"${WORK}/refresh.log" 2>&1 \
    || { cat "${WORK}/refresh.log"; echo "FAILED: ansible-playbook --flush-cache" >&2; exit 1; }
grep -qF "sinch.numbers.active_numbers: 8 numbers listed in" "${WORK}/refresh.log"
requests 10
ls "${WORK}/cache"/* >/dev/null
with_environment inventory cached3 -i cached.sinch.yml --list
requests 0
# ansible-inventory has --flush-cache from ansible-core 2.19 on (docs/inventory.md says so)
CORE=$(ansible --version | sed -n '1s/^.*core \([0-9]*\.[0-9]*\).*$/\1/p')
if [[ "$(printf '%s\n2.19\n' "${CORE}" | sort -V | head -n 1)" == 2.19 ]]; then
    with_environment inventory cached4 -i cached.sinch.yml --list --flush-cache
    requests 10
elif ansible-inventory -i cached.sinch.yml --list --flush-cache >/dev/null 2>&1; then
    echo "FAILED: ansible-core ${CORE} accepts ansible-inventory --flush-cache: update docs/inventory.md" >&2
    exit 1
fi

echo "== bad options: a clear error and no request"
for source in typo bad_region loose_bool; do
    if with_environment ansible-inventory -vvvv -i "${source}.sinch.yml" --list >"${WORK}/${source}.out" 2>"${WORK}/${source}.log"; then
        echo "FAILED: ${source}.sinch.yml was accepted" >&2
        exit 1
    fi
done
logged() { # logged MESSAGE LOG: ansible-core before 2.19 wraps warnings at 79 columns
    tr '\n' ' ' <"$2" | tr -s ' ' | grep -qF "$1" || { cat "$2"; echo "FAILED: '$1' is not in $2" >&2; exit 1; }
}
logged "unknown option 'regions' (did you mean 'region_codes'?)" "${WORK}/typo.log"
logged "region_codes 'USA' is not an ISO 3166-1 alpha-2 region code" "${WORK}/bad_region.log"
logged "validate_certs 'treu' is not a boolean" "${WORK}/loose_bool.log"
requests 0

echo "== the docs' \"Acting on the hosts\" playbook runs a module on each host, with no other file"
# A directory holding only the inventory source and the playbook: no group_vars, no ansible.cfg. The
# configured interpreter is one that does not exist, so only the hosts' own ansible_python_interpreter
# (the controller's Python, from the inventory) can make the module run.
mkdir "${WORK}/project"
cp numbers.sinch.yml acting_on_the_hosts.yml "${WORK}/project/"
acting() { # acting NAME COMMAND...: run COMMAND in that directory, -vvvv to NAME.log, the recap to NAME.out
    local name=$1
    shift
    if ! (cd "${WORK}/project" && ANSIBLE_PYTHON_INTERPRETER=/nonexistent/python-set-by-the-inventory \
        with_environment "$@" -vvvv >"${WORK}/${name}.out" 2>"${WORK}/${name}.log"); then
        cat "${WORK}/${name}.log" "${WORK}/${name}.out"
        echo "FAILED: $*" >&2
        exit 1
    fi
}
recap() { # recap NAME PATTERN COUNT: COUNT host lines of NAME's play recap match PATTERN
    local found
    found=$(grep -cE "^\+[0-9]+ +: $2" "${WORK}/$1.out" || true)
    [[ "${found}" == "$3" ]] || { cat "${WORK}/$1.out"; echo "FAILED: ${found} host(s) with '$2' in $1, expected $3" >&2; exit 1; }
}
acting acting1 ansible-playbook -i numbers.sinch.yml acting_on_the_hosts.yml
recap acting1 "ok=1 +changed=1 +unreachable=0 +failed=0" 3
requests 12 -e region_requests=1 -e other_reads=3 -e write_requests=3
echo "ok: the three SMS numbers without a plan (GB and SE) got plan-default, one PATCH each"
# The same module and configuration on every GB host again: nothing to change, no write.
acting acting2 ansible region_GB -i numbers.sinch.yml -m sinch.numbers.sinch_number \
    -a '{"phone_number": "{{ sinch_phone_number }}", "sms_configuration": {"service_plan_id": "plan-default"}}'
grep -c '"changed": false' "${WORK}/acting2.out" | grep -qx 2 || { cat "${WORK}/acting2.out"; echo "FAILED: expected 2 unchanged hosts" >&2; exit 1; }
requests 12 -e region_requests=1 -e other_reads=2
echo "ok: a rerun on the inventory hosts changes nothing and sends no write"

echo "== no credential in any output or cache file"
BASIC=$(printf '%s:%s' "${SINCH_KEY_ID}" "${SINCH_KEY_SECRET}" | base64 | tr -d '\n')
if grep -r -n -F -e "${SINCH_KEY_SECRET}" -e "${BASIC}" "${WORK}"/*.out "${WORK}"/*.log "${WORK}"/*.json "${WORK}/cache"; then
    echo "FAILED: the key secret (or the Basic credentials) appear above" >&2
    exit 1
fi
echo "ok: $(cat "${WORK}"/*.log | wc -l) lines of -vvvv output and $(find "${WORK}/cache" -type f | wc -l) cache file(s) hold no credential"
