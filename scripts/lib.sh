# shellcheck shell=bash
# Helpers shared by scripts/*.sh. Source it; do not run it.

# Ansible refuses non-UTF-8 locales (LC_ALL=C fails); C.UTF-8 exists everywhere.
export LC_ALL=C.UTF-8
export LANG=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1

SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "${SCRIPTS_DIR}/.." && pwd)
VENV=${SINCH_VENV:-${ROOT}/.venv}
export SCRIPTS_DIR ROOT VENV

# The credentials the simulator accepts (the defaults of python -m tests.simulator and of its
# legacy dashboard user); any other key is answered 401.
DEMO_PROJECT_ID=demo-project
DEMO_KEY_ID=demo-key
DEMO_KEY_SECRET=demo-secret
DEMO_LEGACY_EMAIL=demo@example.com
DEMO_LEGACY_PASSWORD=demo-dashboard-password
export DEMO_PROJECT_ID DEMO_KEY_ID DEMO_KEY_SECRET DEMO_LEGACY_EMAIL DEMO_LEGACY_PASSWORD

# link_collection: make sinch.numbers resolve to this checkout for ansible-playbook (a symlink
# in a collections tree is enough; only ansible-test needs a real copy, and ansible-lint
# recognises the symlink and leaves it alone). Sets COLLECTIONS.
link_collection() {
    COLLECTIONS="${ROOT}/.ansible/collections"
    local link="${COLLECTIONS}/ansible_collections/sinch/numbers"
    mkdir -p "$(dirname "${link}")"
    if [[ ! -L "${link}" || "$(readlink -f "${link}")" != "$(readlink -f "${ROOT}")" ]]; then
        rm -rf "${link}"
        ln -s ../../../.. "${link}"
    fi
}

# simulator_environment URL: the shell lines that point every module and plugin at a simulator.
simulator_environment() {
    local url=$1 name
    for name in NUMBERS IMPORTED_NUMBERS REGISTRATIONS AUTH LEGACY_USER LEGACY_API LEGACY_PORTAL; do
        printf 'export SINCH_%s_URL=%s\n' "${name}" "${url}"
    done
    printf 'export SINCH_PROJECT_ID=%s SINCH_KEY_ID=%s SINCH_KEY_SECRET=%s\n' \
        "${DEMO_PROJECT_ID}" "${DEMO_KEY_ID}" "${DEMO_KEY_SECRET}"
    printf 'export SINCH_LEGACY_EMAIL=%s SINCH_LEGACY_PASSWORD=%s\n' "${DEMO_LEGACY_EMAIL}" "${DEMO_LEGACY_PASSWORD}"
}

info() { printf '%s\n' "$*"; }
die() {
    printf '\nERROR: %s\n' "$*" >&2
    exit 1
}

# py_ok PYTHON: true if PYTHON runs, is >= 3.12 and can create a venv with pip.
# Inactive pyenv shims (e.g. ~/.pyenv/shims/python3.12 when 3.12 is not selected) exist on
# PATH but fail to run, so every candidate is actually executed.
py_ok() {
    "$1" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

# find_python: print the path of a Python >= 3.12, preferring 3.12 (the version every gate
# runs ansible-test with), or fail loudly.
find_python() {
    local candidate pyenv_root version
    local -a candidates=()
    if [[ -n "${SINCH_PYTHON:-}" ]]; then
        py_ok "${SINCH_PYTHON}" || die "SINCH_PYTHON=${SINCH_PYTHON} is not a working Python >= 3.12 with venv/ensurepip"
        printf '%s\n' "${SINCH_PYTHON}"
        return 0
    fi
    pyenv_root=${PYENV_ROOT:-}
    if [[ -z "${pyenv_root}" ]] && command -v pyenv >/dev/null 2>&1; then
        pyenv_root=$(pyenv root 2>/dev/null || true)
    fi
    for version in 3.12 3.13 3.14; do
        if command -v "python${version}" >/dev/null 2>&1; then
            candidates+=("$(command -v "python${version}")")
        fi
        for candidate in "${pyenv_root:-${HOME}/.pyenv}"/versions/"${version}".*/bin/python "/root/.pyenv/versions/${version}".*/bin/python; do
            [[ -x "${candidate}" ]] && candidates+=("${candidate}")
        done
    done
    if command -v python3 >/dev/null 2>&1; then
        candidates+=("$(command -v python3)")
    fi
    for candidate in "${candidates[@]}"; do
        if py_ok "${candidate}"; then
            printf '%s\n' "${candidate}"
            return 0
        fi
    done
    die "no Python >= 3.12 found (tried: ${candidates[*]:-nothing}).
ansible-core 2.21 needs Python 3.12 or newer. Install one (e.g. 'pyenv install 3.12') or set SINCH_PYTHON=/path/to/python3.12."
}

# venv_python_version: print X.Y of the project venv's Python.
venv_python_version() {
    "${VENV}/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])'
}

# ---------------------------------------------------------------------------------------------
# The Sinch API simulator (tests/simulator, written by the simulator's own engineer).
# start_simulator DIR LOGDIR: start it from collection root DIR in the background, wait until
# GET <url>/_sim/health answers, and set SIM_PID and SIM_URL. stop_simulator ends it (by PID).
SIM_PID=
SIM_URL=

start_simulator() {
    local dir=$1 logdir=$2 port_file log deadline content
    [[ -f "${dir}/tests/simulator/__main__.py" ]] \
        || die "the simulator is missing: ${dir}/tests/simulator/__main__.py does not exist"
    port_file="${logdir}/simulator.port"
    log="${logdir}/simulator.log"
    rm -f "${port_file}"
    # The log must exist before the first read below: sed on a missing file exits 2, which
    # pipefail and errexit turn into a silent exit of the whole script.
    : >"${log}"
    (cd "${dir}" && exec "${VENV}/bin/python" -m tests.simulator --port 0 --port-file "${port_file}" \
        --provisioning-delay "${SIM_PROVISIONING_DELAY:-1}") >"${log}" 2>&1 &
    SIM_PID=$!
    deadline=$((SECONDS + 30))
    while [[ -z "${SIM_URL}" ]]; do
        if ! kill -0 "${SIM_PID}" 2>/dev/null; then
            cat "${log}" >&2 || true
            SIM_PID=
            die "the simulator exited during start-up (log above: ${log})"
        fi
        SIM_URL=$(sed -n 's/^.*SIMULATOR_URL=\(http[^[:space:]]*\).*$/\1/p' "${log}" 2>/dev/null | head -n 1 || true)
        if [[ -z "${SIM_URL}" && -s "${port_file}" ]]; then
            content=$(tr -d '[:space:]' <"${port_file}")
            case "${content}" in
                http*) SIM_URL=${content} ;;
                *[!0-9]* | '') ;;
                *) SIM_URL="http://127.0.0.1:${content}" ;;
            esac
        fi
        [[ -n "${SIM_URL}" ]] && break
        ((SECONDS < deadline)) || { cat "${log}" >&2 || true; die "the simulator did not report its URL within 30 s (log: ${log})"; }
        sleep 0.2
    done
    SIM_URL=${SIM_URL%/}
    "${VENV}/bin/python" - "${SIM_URL}/_sim/health" <<'PYEOF' || { cat "${log}" >&2 || true; die "the simulator at ${SIM_URL} did not answer /_sim/health (log: ${log})"; }
import sys, time, urllib.request
url = sys.argv[1]
deadline = time.monotonic() + 30
while True:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.2)
PYEOF
    info "simulator: ${SIM_URL} (pid ${SIM_PID}, log ${log})"
    export SIM_URL
}

stop_simulator() {
    if [[ -n "${SIM_PID}" ]] && kill -0 "${SIM_PID}" 2>/dev/null; then
        kill "${SIM_PID}" 2>/dev/null || true
        local tries=0
        while kill -0 "${SIM_PID}" 2>/dev/null && ((tries < 20)); do
            sleep 0.25
            tries=$((tries + 1))
        done
        if kill -0 "${SIM_PID}" 2>/dev/null; then
            kill -9 "${SIM_PID}" 2>/dev/null || true
        fi
        wait "${SIM_PID}" 2>/dev/null || true
        info "simulator stopped (pid ${SIM_PID})"
    fi
    SIM_PID=
}
