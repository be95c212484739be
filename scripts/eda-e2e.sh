#!/usr/bin/env bash
# The Event-Driven Ansible gate of `make test`: the real ansible-rulebook runs the collection's
# rulebook against the simulator (tests/eda/e2e.py says what is checked).
#
#   scripts/eda-e2e.sh COLLECTION_DIR WORK_DIR
#
# COLLECTION_DIR is a clean copy of the collection (scripts/test.sh passes its ansible_collections
# copy). Set up here, failing loudly when it cannot be:
#   - a Java 17+ runtime for ansible-rulebook's Drools engine (apt-get openjdk-17-jre-headless);
#   - .venv-eda with ansible-rulebook, ansible-core and requests (tests/eda/requirements.txt),
#     apart from .venv so that ansible-rulebook's dependencies cannot move the tool chain's;
#   - the collection built with ansible-galaxy and installed from the tarball, as users install it
#     (ansible-rulebook finds it with `ansible-galaxy collection list`; no Galaxy access needed).
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# == 2 ]] || die "usage: $0 COLLECTION_DIR WORK_DIR"
SOURCE_DIR=$1
WORK_DIR=$2
EDA_VENV=${SINCH_EDA_VENV:-${ROOT}/.venv-eda}
REQUIREMENTS="${ROOT}/tests/eda/requirements.txt"

java_major() { # the major version of `java -version`, or nothing
    java -version 2>&1 | sed -n 's/^.*version "\([0-9]*\)[."].*$/\1/p' | head -n 1
}

ensure_java() {
    local major
    major=$(java_major || true)
    if [[ -n "${major}" ]] && ((major >= 17)); then
        info "java: $(java -version 2>&1 | head -n 1)"
        return 0
    fi
    info "no Java 17+ runtime (found: ${major:-none}): installing openjdk-17-jre-headless with apt-get (ansible-rulebook needs it)"
    local -a sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        sudo -n true 2>/dev/null || die "Java 17 is missing and this user cannot install it: run 'apt-get install openjdk-17-jre-headless' as root"
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null 2>&1 || die "Java 17 is missing and apt-get is not available: install a Java 17 runtime"
    "${sudo[@]}" apt-get update -qq >/dev/null || die "apt-get update failed; cannot install Java 17"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
        || die "apt-get install openjdk-17-jre-headless failed"
    major=$(java_major || true)
    if [[ -z "${major}" ]] || ((major < 17)); then
        die "java is still not a 17+ runtime after apt-get install (found: ${major:-none})"
    fi
    info "installed $(java -version 2>&1 | head -n 1)"
}

ensure_eda_venv() {
    local python want have stamp="${EDA_VENV}/.sinch-requirements.sha256"
    python=$(find_python)
    if [[ -x "${EDA_VENV}/bin/python" ]] && ! py_ok "${EDA_VENV}/bin/python"; then
        rm -rf "${EDA_VENV}"
    fi
    if [[ ! -x "${EDA_VENV}/bin/python" ]]; then
        info "eda: creating ${EDA_VENV} with ${python}"
        "${python}" -m venv "${EDA_VENV}" || die "could not create ${EDA_VENV}"
    fi
    want=$( (sha256sum "${REQUIREMENTS}" | cut -d' ' -f1; "${EDA_VENV}/bin/python" --version) 2>&1 | sha256sum | cut -d' ' -f1)
    have=$(cat "${stamp}" 2>/dev/null || true)
    if [[ "${want}" != "${have}" ]]; then
        info "eda: installing $(basename "${REQUIREMENTS}") into ${EDA_VENV}"
        "${EDA_VENV}/bin/python" -m pip install --disable-pip-version-check --quiet -r "${REQUIREMENTS}" \
            || die "pip install -r ${REQUIREMENTS} failed (is PyPI reachable?)"
        printf '%s\n' "${want}" >"${stamp}"
    fi
    local tool
    for tool in ansible-rulebook ansible-galaxy ansible-playbook; do
        [[ -x "${EDA_VENV}/bin/${tool}" ]] || die "${EDA_VENV}/bin/${tool} is missing after the install"
    done
    info "eda: $("${EDA_VENV}/bin/ansible-rulebook" --version 2>&1 | head -n 1)"
}

ensure_java
ensure_eda_venv
export PATH="${EDA_VENV}/bin:${PATH}"
command -v ansible-rulebook >/dev/null 2>&1 || die "ansible-rulebook is not on PATH"

rm -rf "${WORK_DIR}"
mkdir -p "${WORK_DIR}/dist" "${WORK_DIR}/collections"
ansible-galaxy collection build --force --output-path "${WORK_DIR}/dist" "${SOURCE_DIR}" >/dev/null
tarball=$(find "${WORK_DIR}/dist" -name 'sinch-numbers-*.tar.gz' | head -n 1)
[[ -n "${tarball}" ]] || die "ansible-galaxy collection build produced no tarball"
ansible-galaxy collection install --offline --no-deps --force "${tarball}" -p "${WORK_DIR}/collections" >/dev/null
[[ -f "${WORK_DIR}/collections/ansible_collections/sinch/numbers/extensions/eda/plugins/event_source/callbacks.py" ]] \
    || die "the installed collection has no extensions/eda/plugins/event_source/callbacks.py"
info "eda: installed $(basename "${tarball}") into ${WORK_DIR}/collections"

# tests/eda/e2e.py imports the simulator from the source tree (it is not shipped)
"${EDA_VENV}/bin/python" "${SOURCE_DIR}/tests/eda/e2e.py" --collections "${WORK_DIR}/collections" --work "${WORK_DIR}/run"
