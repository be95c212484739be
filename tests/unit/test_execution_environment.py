# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""meta/execution-environment.yml: what ansible-builder makes of it.

Two readers, both checked with the real ansible-builder (no container engine needed):
- `ansible-builder introspect` is what runs inside every EE build that installs this collection;
  it must find the collection's Python and system requirements;
- `ansible-builder create` on the definition must write a build context that installs them.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest
import yaml

COLLECTION_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFINITION = COLLECTION_ROOT / "meta" / "execution-environment.yml"


def requirement_lines(path):
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def builder(*args, cwd):
    result = subprocess.run([sys.executable, "-m", "ansible_builder", *args], cwd=str(cwd),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "ansible-builder %s failed:\n%s\n%s" % (args[0], result.stdout, result.stderr)
    return result.stdout


@pytest.fixture(scope="module")
def definition():
    with DEFINITION.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@pytest.fixture(scope="module")
def python_requirements(definition):
    return requirement_lines(COLLECTION_ROOT / definition["dependencies"]["python"])


@pytest.fixture(scope="module")
def system_requirements(definition):
    return requirement_lines(COLLECTION_ROOT / definition["dependencies"]["system"])


def test_definition_is_version_3_with_dependency_files_relative_to_the_collection_root(definition):
    assert definition["version"] == 3
    for entry in ("python", "system"):
        path = definition["dependencies"][entry]
        # introspection joins the path to the collection root and refuses absolute paths
        assert isinstance(path, str) and not pathlib.PurePath(path).is_absolute()
        assert (COLLECTION_ROOT / path).is_file(), "%s: %s does not exist at the collection root" % (entry, path)


def test_the_collection_needs_requests_and_the_ca_bundle(python_requirements, system_requirements):
    assert any(line.startswith("requests") for line in python_requirements)
    assert any(line.split()[0] == "ca-certificates" for line in system_requirements)


def test_introspection_finds_every_requirement(tmp_path, python_requirements, system_requirements):
    """What an EE build that installs sinch.numbers from Galaxy adds for it."""
    installed = tmp_path / "collections" / "ansible_collections" / "sinch" / "numbers"
    installed.parent.mkdir(parents=True)
    installed.symlink_to(COLLECTION_ROOT, target_is_directory=True)
    output = builder("introspect", "--sanitize", str(tmp_path / "collections"), cwd=tmp_path)
    found = yaml.safe_load(output.split("---", 1)[1])
    python = [line.split("#", 1)[0].strip() for line in found["python"]]
    system = [line.split("#", 1)[0].strip() for line in found["system"]]
    assert python == python_requirements
    assert system == system_requirements
    assert all(line.endswith("# from collection sinch.numbers") for line in found["python"] + found["system"])


def test_create_writes_a_context_that_installs_the_collection_and_its_requirements(
        tmp_path, definition, python_requirements, system_requirements):
    # Lay the definition out with the files it names at the same relative paths as in the collection.
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(DEFINITION, source / "execution-environment.yml")
    for entry in ("python", "system"):
        shutil.copy(COLLECTION_ROOT / definition["dependencies"][entry], source / definition["dependencies"][entry])
    context = tmp_path / "context"

    builder("create", "--file", str(source / "execution-environment.yml"), "--context", str(context),
            "--output-filename", "Containerfile", cwd=tmp_path)

    build = context / "_build"
    assert requirement_lines(build / "requirements.txt") == python_requirements
    assert requirement_lines(build / "bindep.txt") == system_requirements
    galaxy = yaml.safe_load((build / "requirements.yml").read_text(encoding="utf-8"))
    assert [collection["name"] for collection in galaxy["collections"]] == ["sinch.numbers"]

    containerfile = (context / "Containerfile").read_text(encoding="utf-8")
    assert 'ARG EE_BASE_IMAGE="%s"' % definition["images"]["base_image"]["name"] in containerfile
    assert "ansible-core" in containerfile and "ansible-runner" in containerfile
    # the builder stage combines these files with the collections' own requirements, then installs them
    assert "COPY _build/requirements.txt requirements.txt" in containerfile
    assert "COPY _build/bindep.txt bindep.txt" in containerfile
    assert "--user-pip=requirements.txt --user-bindep=bindep.txt" in containerfile
    assert "ansible-galaxy collection install" in containerfile
    assert "RUN /output/scripts/install-from-bindep" in containerfile
