#!/usr/bin/env bash
# `make test`: every quality gate of the collection, from a fresh machine.
#
#   scripts/test.sh                 all gates
#   scripts/test.sh sanity units    only these gates (always run in the canonical order)
#
# Gates: sanity units integration changelog lint docs docsite build molecule eda benchmark matrix
#
# Set-up done here (nothing has to exist beforehand but a Python >= 3.12):
#   - .venv with the pinned tool chain (scripts/bootstrap.sh);
#   - shellcheck (apt-get) so that ansible-test sanity really runs it;
#   - the offline get-pip stand-in ansible-test needs (TOOLCHAIN.md §a);
#   - a copy of this checkout under $TMPDIR/.../ansible_collections/sinch/numbers, because
#     ansible-test only runs inside such a tree and a symlink does not do (TOOLCHAIN.md §a);
#   - the Sinch API simulator (tests/simulator) for the integration targets and the AWX injection
#     test (scripts/awx-injection.sh, ansible-runner).
#
# KEEP_WORK=1 keeps the temporary tree (it is kept anyway when a gate fails).
# KEEP_GOING=1 runs the remaining gates after a failure (the run still fails at the end).
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL_GATES=(sanity units integration changelog lint docs docsite build molecule eda benchmark matrix)

# plain logs: no colour escape codes from ansible, ansible-lint, molecule or rich
export NO_COLOR=1 ANSIBLE_NOCOLOR=1 PY_COLORS=0 ANSIBLE_FORCE_COLOR=0

usage() {
    printf 'usage: %s [GATE...]\ngates: %s\n' "$0" "${ALL_GATES[*]}"
}

# ---------------------------------------------------------------------------------------------
# which gates
declare -A WANTED=()
for arg in "$@"; do
    case "${arg}" in
        -h | --help) usage; exit 0 ;;
        all) for gate in "${ALL_GATES[@]}"; do WANTED[${gate}]=1; done ;;
        *)
            known=0
            for gate in "${ALL_GATES[@]}"; do [[ "${gate}" == "${arg}" ]] && known=1; done
            ((known)) || { usage >&2; die "unknown gate '${arg}'"; }
            WANTED[${arg}]=1
            ;;
    esac
done
if ((${#WANTED[@]} == 0)); then
    for gate in "${ALL_GATES[@]}"; do WANTED[${gate}]=1; done
fi
GATES=()
for gate in "${ALL_GATES[@]}"; do
    [[ -n "${WANTED[${gate}]:-}" ]] && GATES+=("${gate}")
done

wanted() { [[ -n "${WANTED[$1]:-}" ]]; }

# ---------------------------------------------------------------------------------------------
# set-up helpers

ensure_shellcheck() {
    command -v shellcheck >/dev/null 2>&1 && return 0
    info "shellcheck not found: installing it with apt-get (without it ansible-test sanity silently skips shellcheck)"
    local -a sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            die "shellcheck is missing and this user cannot install it: run 'apt-get install shellcheck' as root"
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || die "shellcheck is missing and apt-get is not available: install shellcheck"
    "${sudo[@]}" apt-get update -qq >/dev/null || die "apt-get update failed; cannot install shellcheck"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null \
        || die "apt-get install shellcheck failed"
    command -v shellcheck >/dev/null 2>&1 || die "shellcheck is still not on PATH after apt-get install"
    info "installed $(shellcheck --version | sed -n 's/^version: /shellcheck /p')"
}

# ansible-test bootstraps pip in every virtual environment it makes by running
# ~/.ansible/test/cache/get_pip_<version>.py, which it downloads from ci-files.testing.ansible.com
# when missing. That host is unreachable here, so we put a stand-in there (TOOLCHAIN.md §a): it
# installs the bundled pip with ensurepip, then upgrades pip to the version ansible-test asked for
# from the configured package index. The pip version is read from the installed ansible-test.
ensure_get_pip_shim() {
    "${VENV}/bin/python" - <<'PYEOF' || die "could not create the get-pip stand-in for ansible-test"
import os
import re
import sys

import ansible_test

source = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
with open(source, encoding='utf-8') as stream:
    versions = sorted(set(re.findall(r"""\bpip\s*=\s*['"]([0-9][0-9.]*)['"]""", stream.read())))
if not versions:
    sys.exit('no pip version found in %s' % source)

MARKER = '# sinch.numbers offline get-pip stand-in'
SHIM = MARKER + '''
# Written by scripts/test.sh. ansible-test runs this file (instead of the real get-pip.py, which it
# cannot download offline) with the pip requirement and --no-setuptools/--no-wheel as arguments.
import subprocess
import sys


def main():
    args = [arg for arg in sys.argv[1:] if arg not in ('--no-setuptools', '--no-wheel')]
    subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'])
    subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--upgrade'] + args)


if __name__ == '__main__':
    main()
'''

cache = os.path.expanduser('~/.ansible/test/cache')
os.makedirs(cache, exist_ok=True)
for version in versions:
    path = os.path.join(cache, 'get_pip_%s.py' % version.replace('.', '_'))
    if os.path.exists(path):
        with open(path, encoding='utf-8', errors='replace') as stream:
            current = stream.read()
        if not current.startswith(MARKER):
            print('get-pip: keeping the real bootstrap script %s' % path)
            continue
        if current == SHIM:
            print('get-pip: stand-in for pip %s present: %s' % (version, path))
            continue
    with open(path, 'w', encoding='utf-8') as stream:
        stream.write(SHIM)
    print('get-pip: wrote stand-in for pip %s: %s' % (version, path))
PYEOF
}

# Copy what git would commit (tracked files and untracked files that are not ignored, so
# .venv, .ansible, tests/output, dist and other artefacts stay out) into the
# ansible_collections tree. Without git, copy everything but those artefacts.
copy_checkout() {
    mkdir -p "${COPY}"
    if git -C "${ROOT}" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (
            cd "${ROOT}"
            git ls-files -z -co --exclude-standard | while IFS= read -r -d '' file; do
                # a tracked file deleted in the work tree is still listed
                [[ -e "${file}" || -L "${file}" ]] && printf '%s\0' "${file}"
            done | tar --null --no-recursion -T - -cf -
        ) | tar -xf - -C "${COPY}"
    else
        tar -C "${ROOT}" --exclude=./.git --exclude=./.venv --exclude=./venv --exclude=./.ansible \
            --exclude=./tests/output --exclude=./dist --exclude='__pycache__' \
            --exclude=./tests/integration/integration_config.yml --exclude=./tests/integration/inventory \
            -cf - . | tar -xf - -C "${COPY}"
    fi
    info "copied $(find "${COPY}" -type f | wc -l) files to ${COPY}"
}

# How the integration targets get these values (checked in ansible_test/_internal/commands/
# integration/__init__.py of ansible-core 2.21):
#  - role targets (tasks/main.yml): ansible-test copies tests/integration/integration_config.yml into
#    its temporary work tree and lists it in `vars_files` of the play it generates, so
#    `{{ sinch_sim_url }}` etc. are plain play variables;
#  - script targets (runme.sh): the file is copied to <work tree>/tests/integration/
#    integration_config.yml but NOT passed on; the script runs in tests/integration/targets/<name>
#    and must add `-e @../../integration_config.yml` to its ansible-playbook/ansible commands.
#  - Environment variables set here do not reach the targets: ansible-test passes only an
#    allow-list (PATH, HOME, LC_ALL, ...), so targets must not rely on SINCH_* from this shell.
write_integration_config() {
    cat >"${COPY}/tests/integration/integration_config.yml" <<EOF
---
# Written by scripts/test.sh for one run; not committed (see .gitignore).
sinch_sim_url: ${SIM_URL}
sinch_project_id: ${DEMO_PROJECT_ID}
sinch_key_id: ${DEMO_KEY_ID}
sinch_key_secret: ${DEMO_KEY_SECRET}
EOF
}

# ---------------------------------------------------------------------------------------------
# the gates (each runs in a subshell with errexit, from the copy)

gate_sanity() {
    cd "${COPY}"
    local file entries=0
    for file in tests/sanity/ignore-*.txt; do
        [[ -e "${file}" ]] || continue
        if grep -Ev '^[[:space:]]*(#|$)' "${file}"; then
            info "^^^ entries in ${file}"
            entries=1
        fi
    done
    ((entries == 0)) || die "sanity ignore entries are not allowed (DESIGN.md §7): fix the code instead"
    ansible-test sanity --venv --python "${PYVER}" --color no 2>&1 | tee "${WORK}/sanity.log"
    if grep -q 'Required program "shellcheck" not found' "${WORK}/sanity.log"; then
        die "ansible-test skipped shellcheck"
    fi
    sanity_other_pythons
}

# Modules run on the managed node's Python, which may be older than the controller's: compile and
# import every module and module_util with each other Python ansible-core supports that pyenv has
# (ansible-test finds them on PATH; inactive pyenv shims there would fail, so they are left out).
sanity_other_pythons() {
    local pyenv_root dir version path="" checked=()
    pyenv_root=$(pyenv root 2>/dev/null) || pyenv_root=${PYENV_ROOT:-${HOME}/.pyenv}
    for version in 3.9 3.10 3.11 3.13 3.14; do
        dir=$(find "${pyenv_root}/versions" -maxdepth 1 -name "${version}.*" 2>/dev/null | sort -V | tail -n 1)
        [[ -n "${dir}" && -x "${dir}/bin/python${version}" ]] || continue
        path="${path}${dir}/bin:"
        checked+=("${version}")
    done
    if ((${#checked[@]} == 0)); then
        info "WARNING: no Python besides ${PYVER} under ${pyenv_root}/versions: compile and import were checked on ${PYVER} only"
        return 0
    fi
    info "--- compile and import on Python ${checked[*]} (and ${PYVER} again)"
    # without --python, ansible-test runs these two tests on every supported Python it finds
    PATH="${path}${PATH}" ansible-test sanity --test compile --test import --venv --color no 2>&1 \
        | tee "${WORK}/sanity-pythons.log"
}

gate_units() {
    cd "${COPY}"
    ansible-test units --venv --python "${PYVER}" --color no 2>&1 | tee "${WORK}/units.log"
    grep -Eq '[0-9]+ passed' "${WORK}/units.log" || die "ansible-test units ran no test"
}

gate_integration() {
    cd "${COPY}"
    [[ -n "$(find tests/integration/targets -mindepth 1 -maxdepth 1 -type d 2>/dev/null)" ]] \
        || die "no integration targets in tests/integration/targets"
    # INTEGRATION_TARGETS="a b" narrows the run while developing; the gate runs every target.
    local -a targets
    read -r -a targets <<<"${INTEGRATION_TARGETS:-}"
    if ! ansible-test integration --venv --python "${PYVER}" --color no --allow-destructive "${targets[@]}" 2>&1 \
        | tee "${WORK}/integration.log"; then
        # CI shows only the end of a long log: repeat why the failing target failed there.
        info "integration failed; the failure lines of the log, last 15:"
        grep -E '^(fatal|failed):|FAILED:|"msg":|^ERROR|Running [^ ]+ integration test' "${WORK}/integration.log" \
            | grep -v 'FAILED - RETRYING' | tail -n 15 >&2 || true
        return 1
    fi
    if grep -q 'All targets skipped' "${WORK}/integration.log"; then
        die "ansible-test integration skipped all targets"
    fi
    local ran expected
    ran=$(grep -Ec 'Running [^ ]+ integration test (role|script)' "${WORK}/integration.log" || true)
    ((ran > 0)) || die "ansible-test integration ran zero targets"
    if ((${#targets[@]} == 0)); then
        # every target but the setup_* helpers must have run: a skipped target is a failed gate
        expected=$(find tests/integration/targets -mindepth 1 -maxdepth 1 -type d ! -name 'setup_*' | wc -l)
        ((ran == expected)) || die "ansible-test integration ran ${ran} of ${expected} targets"
    fi
    info "integration: ${ran} target(s) ran"
    # AWX: the credential types' injected variables, in jobs and an inventory sync run by ansible-runner
    "${SCRIPTS_DIR}/awx-injection.sh" "${COPY}" "${WORK}" "${SIM_URL}"
}

gate_changelog() {
    cd "${COPY}"
    antsibull-changelog lint
    # the release changelog antsibull-changelog generates must list every fragment, module, plugin and role
    "${VENV}/bin/python" scripts/check_changelog.py --collection-root "${COPY}" --keep "${WORK}/changelog"
}

gate_lint() {
    cd "${COPY}"
    # ANSIBLE_HOME: ansible-lint installs the collection into $ANSIBLE_HOME/collections; keep that
    # in the temporary tree instead of ~/.ansible/collections, where it would linger.
    ANSIBLE_HOME="${WORK}/ansible-home" ANSIBLE_COLLECTIONS_PATH="${WORK}" ansible-lint --offline
}

gate_docs() {
    # ansible-doc of every module, plugin and role, loaded from the ansible_collections copy
    "${SCRIPTS_DIR}/doc_plugins.sh" "${COPY}" "${WORK}"
    cd "${COPY}"
    antsibull-docs lint-collection-docs --plugin-docs .
}

gate_docsite() {
    # antsibull-docs + Sphinx (warnings are errors): modules, plugins, roles and the docs/ guides
    ANSIBLE_COLLECTIONS_PATH="${WORK}" "${VENV}/bin/python" "${COPY}/scripts/docsite.py" \
        --collection-root "${COPY}" --dest "${WORK}/docsite"
}

gate_build() {
    cd "${COPY}"
    local dist="${WORK}/dist" installed="${WORK}/installed" installed_dir tarball listing bad
    rm -rf "${dist}" "${installed}"
    # fragments that landed after the release was cut belong to it too (scripts/release_notes.py)
    "${VENV}/bin/python" "${SCRIPTS_DIR}/release_notes.py" "${COPY}"
    ansible-galaxy collection build --force --output-path "${dist}"
    tarball=$(find "${dist}" -name 'sinch-numbers-*.tar.gz' | head -n 1)
    [[ -n "${tarball}" ]] || die "ansible-galaxy collection build produced no tarball"
    listing=$(tar -tzf "${tarball}" | sed 's|^\./||')
    info "artifact: ${tarball} ($(wc -l <<<"${listing}") entries, $(du -h "${tarball}" | cut -f1))"
    bad=$(grep -E '^(tests/simulator|tests/unit/simulator|tests/output|\.venv|venv|\.ansible|\.git|\.ci|scripts|dist|roles/[^/]+/molecule)(/|$)|^(Makefile|tests/integration/integration_config\.yml|tests/integration/inventory)$|__pycache__|\.tar\.gz$' <<<"${listing}" || true)
    [[ -z "${bad}" ]] || die "the artifact contains files that must not ship (build_ignore in galaxy.yml):
${bad}"
    local required
    for required in MANIFEST.json FILES.json README.md LICENSE CHANGELOG.rst meta/runtime.yml; do
        grep -qx "${required}" <<<"${listing}" || die "the artifact lacks ${required}"
    done
    ansible-galaxy collection install --no-deps --force "${tarball}" -p "${installed}"
    installed_dir="${installed}/ansible_collections/sinch/numbers"
    grep -qx "Sinch Numbers Collection (sinch.numbers) Release Notes" "${installed_dir}/CHANGELOG.rst" \
        || die "the installed CHANGELOG.rst is not the antsibull-changelog release notes"
    if grep -rn "bundled simulator" "${installed_dir}/plugins"; then
        die "the installed plugin docs above point at a simulator the artifact does not ship"
    fi
    # from the installed copy alone: every plugin's and role's docs, and a role's README example
    "${SCRIPTS_DIR}/doc_plugins.sh" "${installed_dir}" "${installed}"
    "${VENV}/bin/python" "${SCRIPTS_DIR}/role_example.py" --collection-dir "${installed_dir}" \
        --collections-path "${installed}" --sim-url "${SIM_URL}" --role number_pool
    info "installed artifact: docs render, the number_pool README example converges and reruns clean; CHANGELOG.rst shipped, simulator and molecule scenarios not"
}

gate_molecule() {
    local scenario_file scenario dir rel ran=0
    local -a scenarios=()
    while IFS= read -r scenario_file; do scenarios+=("${scenario_file}"); done < <(
        cd "${COPY}" && find extensions/molecule roles -path '*/molecule/*/molecule.yml' 2>/dev/null | sort)
    for scenario_file in "${scenarios[@]}"; do
        scenario=$(basename "$(dirname "${scenario_file}")")
        case "${scenario_file}" in
            extensions/molecule/*) dir="${COPY}" ;;
            roles/*) dir="${COPY}/$(dirname "$(dirname "$(dirname "${scenario_file}")")")" ;;
            *) continue ;;
        esac
        rel=${dir#"${COPY}"}
        info "--- molecule test -s ${scenario} (in ./${rel#/})"
        # ANSIBLE_HOME: molecule's prerun installs the collection into $ANSIBLE_HOME/collections
        # (and links roles into $ANSIBLE_HOME/roles); keep that out of ~/.ansible.
        (cd "${dir}" && ANSIBLE_HOME="${WORK}/ansible-home" ANSIBLE_COLLECTIONS_PATH="${WORK}" \
            molecule test -s "${scenario}")
        ran=$((ran + 1))
    done
    info "molecule: ${ran} scenario(s) ran"
    ((ran > 0)) || die "no molecule scenario found under roles/*/molecule/ or extensions/molecule/"
}

gate_eda() {
    # the real ansible-rulebook (and Java 17) against the simulator; scripts/eda-e2e.sh installs both
    "${SCRIPTS_DIR}/eda-e2e.sh" "${COPY}" "${WORK}/eda"
}

gate_benchmark() {
    cd "${COPY}"
    [[ -f tests/benchmark/run.py ]] || die "tests/benchmark/run.py is missing: the benchmark gate has nothing to run"
    # a gate checks request counts; it does not rewrite docs/benchmarks.md (in the copy, at that)
    ANSIBLE_COLLECTIONS_PATH="${WORK}" "${VENV}/bin/python" tests/benchmark/run.py --check --no-write
}

gate_matrix() {
    # the older ansible-core versions of tests/ansible-core-matrix.txt: units, ansible-doc, smoke targets
    "${SCRIPTS_DIR}/core_matrix.sh"
}

# ---------------------------------------------------------------------------------------------
# main

TOTAL_START=${SECONDS}
WORK=
KEEP=${KEEP_WORK:-0}
KEEP_GOING=${KEEP_GOING:-0}

cleanup() {
    local rc=$?
    stop_simulator
    if [[ -n "${WORK}" && -d "${WORK}" ]]; then
        if [[ "${rc}" == 0 && "${KEEP}" != 1 ]]; then
            rm -rf "${WORK}"
        else
            info "kept the test tree for inspection: ${WORK}"
        fi
    fi
    exit "${rc}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

declare -A TIMES=() RESULT=()

step() { # step NAME FUNCTION: a timed set-up step in this shell
    local name=$1 start=${SECONDS}
    shift
    info "==> setup: ${name}"
    "$@"
    info "<== setup: ${name} done in $((SECONDS - start)) s"
    TIMES[setup:${name}]=$((SECONDS - start))
}

step "bootstrap .venv" "${SCRIPTS_DIR}/bootstrap.sh"
export PATH="${VENV}/bin:${PATH}"
PYVER=$(venv_python_version)
info "python for ansible-test: ${PYVER} ($(ansible --version | sed -n 1p))"
if wanted sanity; then step "shellcheck" ensure_shellcheck; fi
if wanted sanity || wanted units || wanted integration; then step "get-pip stand-in" ensure_get_pip_shim; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sinch-numbers-test.XXXXXX")
COPY="${WORK}/ansible_collections/sinch/numbers"
export WORK COPY
step "copy checkout" copy_checkout

if wanted integration || wanted matrix || wanted build; then
    start_sim() {
        start_simulator "${COPY}" "${WORK}"
        write_integration_config
    }
    step "simulator" start_sim
fi

passed=0
failed=0
index=0
for gate in "${GATES[@]}"; do
    index=$((index + 1))
    info ""
    info "==> [${index}/${#GATES[@]}] ${gate}"
    start=${SECONDS}
    set +e
    (
        set -e
        "gate_${gate}"
    )
    rc=$?
    set -e
    TIMES[${gate}]=$((SECONDS - start))
    if ((rc != 0)); then
        RESULT[${gate}]="FAILED (exit ${rc})"
        failed=$((failed + 1))
        info ""
        info "<== [${index}/${#GATES[@]}] ${gate}: FAILED (exit ${rc}) after ${TIMES[${gate}]} s"
        if [[ "${KEEP_GOING}" != 1 ]]; then
            info ""
            info "make test stopped at gate '${gate}'. Re-run only this gate with: scripts/test.sh ${gate}"
            info "(KEEP_GOING=1 runs the remaining gates after a failure)"
            info "gates: ${passed} passed, ${failed} failed"
            exit 1
        fi
        continue
    fi
    RESULT[${gate}]=passed
    passed=$((passed + 1))
    info "<== [${index}/${#GATES[@]}] ${gate}: ${RESULT[${gate}]} in ${TIMES[${gate}]} s"
done

stop_simulator

info ""
info "Summary (total $((SECONDS - TOTAL_START)) s):"
for gate in "${GATES[@]}"; do
    printf '  %-12s %-26s %5s s\n' "${gate}" "${RESULT[${gate}]}" "${TIMES[${gate}]}"
done
info "gates: ${passed} passed, ${failed} failed"
((failed == 0)) || die "${failed} gate(s) failed"
