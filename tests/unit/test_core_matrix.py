# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ansible-core versions the collection claims are the ones `make test` runs
(tests/ansible-core-matrix.txt): requires_ansible, the execution environment's pin, the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

COLLECTION_ROOT = Path(__file__).resolve().parents[2]


def minor(version):
    return tuple(int(part) for part in version.split(".")[:2])


@pytest.fixture(scope="module")
def matrix():
    rows = []
    for line in (COLLECTION_ROOT / "tests" / "ansible-core-matrix.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            core, python = line.split()
            rows.append((core, python))
    return sorted(rows, key=lambda row: tuple(int(part) for part in row[0].split(".")))


def test_the_matrix_has_the_lowest_a_middle_and_the_newest_version(matrix):
    assert len(matrix) >= 3
    assert len({minor(core) for core, _python in matrix}) == len(matrix), "one row per ansible-core minor version"
    for core, python in matrix:
        assert re.fullmatch(r"2\.\d+\.\d+", core), "pin an exact release: %s" % core
        assert re.fullmatch(r"3\.\d+", python), python


def test_requires_ansible_is_the_lowest_tested_version(matrix):
    runtime = yaml.safe_load((COLLECTION_ROOT / "meta" / "runtime.yml").read_text(encoding="utf-8"))
    lowest = "%d.%d" % minor(matrix[0][0])
    assert runtime["requires_ansible"] == ">=%s.0" % lowest


def test_the_execution_environment_pins_ansible_core_to_the_tested_range(matrix):
    definition = yaml.safe_load((COLLECTION_ROOT / "meta" / "execution-environment.yml").read_text(encoding="utf-8"))
    lowest, newest = minor(matrix[0][0]), minor(matrix[-1][0])
    expected = "ansible-core>=%d.%d,<%d.%d" % (lowest + (newest[0], newest[1] + 1))
    assert definition["dependencies"]["ansible_core"]["package_pip"] == expected


def test_the_newest_version_is_the_one_every_gate_runs(matrix):
    pins = re.findall(r"^ansible-core==(\S+)$", (COLLECTION_ROOT / "tests" / "requirements-dev.txt").read_text(encoding="utf-8"),
                      re.MULTILINE)
    assert pins == [matrix[-1][0]]


def test_the_readme_states_the_tested_matrix(matrix):
    readme = (COLLECTION_ROOT / "README.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| ansible-core (2\.\d+) \| Python (3\.\d+) \|", readme, re.MULTILINE)
    assert table == [("%d.%d" % minor(core), python) for core, python in matrix]
