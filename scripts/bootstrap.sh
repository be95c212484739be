#!/usr/bin/env bash
# Create .venv with a Python >= 3.12 and install the pinned tool chain (tests/requirements-dev.txt).
# Safe to run again: it reinstalls only when the requirements or the Python change.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REQUIREMENTS="${ROOT}/tests/requirements-dev.txt"
STAMP="${VENV}/.sinch-requirements.sha256"

python=$(find_python)

if [[ -x "${VENV}/bin/python" ]] && ! py_ok "${VENV}/bin/python"; then
    info "bootstrap: ${VENV} is broken or older than Python 3.12; recreating it"
    rm -rf "${VENV}"
fi

if [[ ! -x "${VENV}/bin/python" ]]; then
    info "bootstrap: creating ${VENV} with ${python} ($("${python}" --version 2>&1))"
    "${python}" -m venv "${VENV}" || die "could not create a virtual environment with ${python}"
fi

want=$( (sha256sum "${REQUIREMENTS}" | cut -d' ' -f1; "${VENV}/bin/python" --version) 2>&1 | sha256sum | cut -d' ' -f1)
have=$(cat "${STAMP}" 2>/dev/null || true)

if [[ "${want}" == "${have}" ]]; then
    info "bootstrap: ${VENV} is up to date ($("${VENV}/bin/python" --version 2>&1), $(basename "${REQUIREMENTS}") unchanged)"
else
    info "bootstrap: installing $(basename "${REQUIREMENTS}") into ${VENV}"
    start=${SECONDS}
    "${VENV}/bin/python" -m pip install --disable-pip-version-check --quiet -r "${REQUIREMENTS}" \
        || die "pip install -r ${REQUIREMENTS} failed (is PyPI reachable?)"
    printf '%s\n' "${want}" >"${STAMP}"
    info "bootstrap: done in $((SECONDS - start)) s"
fi

for tool in ansible ansible-playbook ansible-test ansible-lint ansible-galaxy ansible-doc antsibull-changelog antsibull-docs molecule; do
    [[ -x "${VENV}/bin/${tool}" ]] || die "bootstrap: ${VENV}/bin/${tool} is missing after the install"
done
