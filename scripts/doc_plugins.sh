#!/usr/bin/env bash
# ansible-doc for every module, plugin and role of sinch.numbers, as a user sees them: loaded from
# COLLECTIONS_PATH (a directory holding ansible_collections/sinch/numbers), run from there with the
# ansible-doc on PATH. The names come from COLLECTION_DIR (the same collection's files). Fails when
# one does not render or ansible-doc warns. Used by the docs and build gates and the core matrix.
#   scripts/doc_plugins.sh COLLECTION_DIR COLLECTIONS_PATH
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 2)) || die "usage: scripts/doc_plugins.sh COLLECTION_DIR COLLECTIONS_PATH"
COLLECTION_DIR=$1
COLLECTIONS_PATH=$2
[[ -d "${COLLECTION_DIR}/plugins" ]] || die "${COLLECTION_DIR} has no plugins/ directory"

ansible_doc() { # ansible_doc ARGS...: ansible-doc with only COLLECTIONS_PATH on the collections path
    (cd "${COLLECTIONS_PATH}" && ANSIBLE_COLLECTIONS_PATH="${COLLECTIONS_PATH}" ansible-doc "$@")
}

names_of() { # names_of TYPE: short names of the collection's plugins of TYPE
    local type=$1 dir="${COLLECTION_DIR}/plugins/$1" name
    case "${type}" in
        module) dir="${COLLECTION_DIR}/plugins/modules" ;;
        role) dir="${COLLECTION_DIR}/roles" ;;
    esac
    [[ -d "${dir}" ]] || return 0
    case "${type}" in
        role)
            for name in "${dir}"/*/meta/argument_specs.yml; do
                [[ -e "${name}" ]] && basename "$(dirname "$(dirname "${name}")")"
            done
            ;;
        filter | test)
            # names come from FilterModule/TestModule, documented by <name>.yml or <name>.py
            ansible_doc -t "${type}" -l sinch.numbers 2>/dev/null | sed -n 's/^sinch\.numbers\.\([^[:space:]]*\).*$/\1/p'
            for name in "${dir}"/*.yml "${dir}"/*.yaml; do
                [[ -e "${name}" ]] && basename "${name%.*}"
            done
            ;;
        *)
            for name in "${dir}"/*.py; do
                [[ -e "${name}" ]] || continue
                name=$(basename "${name}" .py)
                [[ "${name}" == __init__ || "${name}" == _* ]] || printf '%s\n' "${name}"
            done
            ;;
    esac
}

count=0
failed=0
for type in module lookup inventory filter test callback connection become cache role; do
    while IFS= read -r name; do
        fqcn="sinch.numbers.${name}"
        count=$((count + 1))
        # ansible-core 2.21's ansible-doc -t role warns about its own internal _protomatter collection
        if out=$(ansible_doc -t "${type}" "${fqcn}" 2>&1) && [[ -n "${out}" ]] \
            && ! grep -v "/ansible/_internal/ansible_collections/ansible/_protomatter' does not have a MANIFEST.json" <<<"${out}" \
            | grep -Eq '\[(WARNING|ERROR)\]'; then
            info "ansible-doc -t ${type} ${fqcn}: ok ($(wc -l <<<"${out}") lines)"
        else
            printf '%s\n' "${out}"
            info "ansible-doc -t ${type} ${fqcn}: FAILED"
            failed=$((failed + 1))
        fi
    done < <(names_of "${type}" | sort -u)
done
((count > 0)) || die "no plugins found under ${COLLECTION_DIR}/plugins to document"
((failed == 0)) || die "${failed} of ${count} plugin docs did not render"
info "ansible-doc ($(ansible --version | sed -n 1p)): ${count} modules, plugins and roles rendered from ${COLLECTIONS_PATH}"
