#!/usr/bin/env bash
# The "matrix" gate of `make test`: the collection on every older ansible-core that
# tests/ansible-core-matrix.txt lists (the newest one, .venv's, runs all the other gates).
# For each: a virtual environment with that ansible-core on its Python (kept in .ansible/cores/
# and reused while its requirements do not change), then, from the ansible_collections copy:
#   - ansible-test units (the collection's tests; the simulator's own tests do not use ansible);
#   - ansible-doc of every module, plugin and role (scripts/doc_plugins.sh);
#   - ansible-test integration of the smoke targets below against the running simulator;
#   - the number_pool role's README example, run twice (scripts/role_example.py).
# scripts/test.sh calls it with WORK, COPY and SIM_URL set and the integration config written.
#   CORES="2.16.19" restricts the run to some versions while developing.
set -euo pipefail

GIVEN_SIM_URL=${SIM_URL:-}
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SIM_URL=${GIVEN_SIM_URL} # lib.sh starts with no simulator

SMOKE_TARGETS=(sinch_number lookup_active_numbers inventory_active_numbers)
EXAMPLE_ROLE=number_pool

[[ -n "${WORK:-}" && -d "${COPY:-}" && -n "${SIM_URL:-}" ]] \
    || die "scripts/core_matrix.sh runs from scripts/test.sh (WORK, COPY and SIM_URL must be set)"
MATRIX_FILE="${COPY}/tests/ansible-core-matrix.txt"
[[ -f "${MATRIX_FILE}" ]] || die "${MATRIX_FILE} is missing"

# python_for X.Y: the path of a working Python X.Y (PATH first, then pyenv's versions), or fail.
python_for() {
    local version=$1 candidate pyenv_root
    pyenv_root=$(pyenv root 2>/dev/null) || pyenv_root=${PYENV_ROOT:-${HOME}/.pyenv}
    for candidate in "$(command -v "python${version}" 2>/dev/null || true)" \
        $(find "${pyenv_root}/versions" -maxdepth 3 -path "*/versions/${version}.*/bin/python${version}" 2>/dev/null | sort -rV); do
        [[ -n "${candidate}" ]] || continue
        if "${candidate}" -c 'import sys, venv, ensurepip; sys.exit(0 if "%d.%d" % sys.version_info[:2] == sys.argv[1] else 1)' \
            "${version}" >/dev/null 2>&1; then
            printf '%s\n' "${candidate}"
            return 0
        fi
    done
    die "no working Python ${version} found (on PATH or under ${pyenv_root}/versions): the matrix runs ansible-core on it.
Install it (e.g. 'pyenv install ${version}') or change tests/ansible-core-matrix.txt."
}

# core_venv CORE PYTHON: print the path of a venv with ansible-core CORE and the test requirements.
core_venv() {
    local core=$1 version=$2 python dir stamp want
    dir="${ROOT}/.ansible/cores/ansible-core-${core}-py${version}"
    stamp="${dir}/.sinch-requirements.sha256"
    local -a requirements=("ansible-core==${core}" pytest pytest-xdist pytest-mock mock
        -r "${COPY}/tests/unit/requirements.txt" -r "${COPY}/tests/integration/requirements.txt")
    want=$( (printf '%s %s\n' "${core}" "${version}"; cat "${COPY}/tests/unit/requirements.txt" \
        "${COPY}/tests/integration/requirements.txt") | sha256sum | cut -d' ' -f1)
    if [[ -x "${dir}/bin/python" && "$(cat "${stamp}" 2>/dev/null || true)" == "${want}" ]] \
        && "${dir}/bin/python" -c 'import ansible' 2>/dev/null; then
        printf '%s\n' "${dir}"
        return 0
    fi
    python=$(python_for "${version}")
    rm -rf "${dir}"
    info "matrix: creating ${dir#"${ROOT}/"} with $("${python}" --version 2>&1)" >&2
    "${python}" -m venv "${dir}" >&2 || die "could not create a virtual environment with ${python}"
    if ! "${dir}/bin/python" -m pip install --disable-pip-version-check --quiet "${requirements[@]}" >"${dir}/pip.log" 2>&1; then
        cat "${dir}/pip.log" >&2
        die "pip install of ansible-core ${core} and the test requirements failed (is PyPI reachable?)"
    fi
    printf '%s\n' "${want}" >"${stamp}"
    printf '%s\n' "${dir}"
}

# the collection's unit tests: everything under tests/unit but the simulator's own tests
unit_targets() {
    local entry
    for entry in "${COPY}"/tests/unit/*; do
        entry=${entry#"${COPY}/"}
        case "${entry}" in
            tests/unit/simulator) ;;
            # an earlier core's pytest run leaves tests/unit/__pycache__, which ansible-test refuses as a target
            */__pycache__) ;;
            tests/unit/test_*.py) printf '%s\n' "${entry}" ;;
            *) [[ -d "${COPY}/${entry}" ]] && printf '%s/\n' "${entry}" ;; # ansible-test wants the slash
        esac
    done
}

run_core() { # run_core CORE PYTHON
    local core=$1 version=$2 dir log ran
    dir=$(core_venv "${core}" "${version}")
    log="${WORK}/matrix-${core}"
    local -a units
    mapfile -t units < <(unit_targets)
    (
        export PATH="${dir}/bin:${PATH}"
        [[ "$(ansible --version | sed -n '1s/^.*core \([0-9.]*\).*$/\1/p')" == "${core}" ]] \
            || die "the ${core} environment runs $(ansible --version | sed -n 1p)"
        cd "${COPY}"
        info "--- ansible-core ${core} on Python ${version}: units"
        ansible-test units --local --python "${version}" --color no "${units[@]}" 2>&1 | tee "${log}-units.log"
        grep -Eq '[0-9]+ passed' "${log}-units.log" || die "ansible-test units ran no test on ansible-core ${core}"

        info "--- ansible-core ${core}: ansible-doc"
        "${SCRIPTS_DIR}/doc_plugins.sh" "${COPY}" "${WORK}"

        info "--- ansible-core ${core}: integration ${SMOKE_TARGETS[*]}"
        ansible-test integration --local --python "${version}" --color no --allow-destructive "${SMOKE_TARGETS[@]}" 2>&1 \
            | tee "${log}-integration.log"
        ran=$(grep -Ec 'Running [^ ]+ integration test (role|script)' "${log}-integration.log" || true)
        ((ran == ${#SMOKE_TARGETS[@]})) \
            || die "ansible-core ${core}: ${ran} of ${#SMOKE_TARGETS[@]} smoke integration targets ran"

        info "--- ansible-core ${core}: roles/${EXAMPLE_ROLE} README example"
        python "${SCRIPTS_DIR}/role_example.py" --collection-dir "${COPY}" --collections-path "${WORK}" \
            --sim-url "${SIM_URL}" --role "${EXAMPLE_ROLE}"
    )
}

newest=$(grep -Ev '^[[:space:]]*(#|$)' "${MATRIX_FILE}" | awk '{print $1}' | sort -V | tail -n 1)
venv_core=$("${VENV}/bin/python" -c 'from ansible.release import __version__; print(__version__)')
[[ "${newest}" == "${venv_core}" ]] \
    || die "the newest ansible-core in tests/ansible-core-matrix.txt is ${newest}, .venv has ${venv_core} (tests/requirements-dev.txt)"

ran=0
while read -r core version _rest; do
    [[ -z "${core}" || "${core}" == \#* || "${core}" == "${newest}" ]] && continue
    if [[ -n "${CORES:-}" && " ${CORES} " != *" ${core} "* ]]; then
        continue
    fi
    start=${SECONDS}
    run_core "${core}" "${version}"
    info "matrix: ansible-core ${core} on Python ${version} passed in $((SECONDS - start)) s"
    ran=$((ran + 1))
done <"${MATRIX_FILE}"
((ran > 0)) || die "the matrix ran no ansible-core version (tests/ansible-core-matrix.txt, CORES=${CORES:-})"
info "matrix: ${ran} older ansible-core version(s) passed; ${newest} runs in the other gates"
