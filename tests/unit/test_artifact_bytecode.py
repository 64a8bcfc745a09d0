"""The Lambda zip's bytecode: compiled unchecked-hash by the runtime's Python, sources kept, and the check
that a handler loads from the unzipped tree without compiling or writing (scripts/, run by package.sh)."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from scripts.check_artifact_imports import check
from scripts.compile_artifact import compile_zip
from scripts.runtime import minor_of, runtime_python, serverless_runtime

THIS_RUNTIME = "python%d.%d" % sys.version_info[:2]
TAG = sys.implementation.cache_tag
SOURCES = {"pkg/__init__.py": "", "pkg/mod.py": "def answer():\n    return 42\n", "pkg/data.txt": "kept as is\n"}


def _zip(tmp_path: Path) -> Path:
    artifact = tmp_path / "artifact.zip"
    with zipfile.ZipFile(artifact, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in SOURCES.items():
            bundle.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
    return artifact


def test_the_runtimes_python_is_found_by_its_minor_version(monkeypatch, tmp_path):
    found = runtime_python(THIS_RUNTIME)
    assert found is not None and minor_of(found) == THIS_RUNTIME.removeprefix("python")
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))  # no pyenv versions here
    assert runtime_python("python2.1") is None
    assert serverless_runtime() == "python3.13"


def test_every_module_gets_unchecked_hash_bytecode_and_every_entry_is_kept(tmp_path):
    artifact = _zip(tmp_path)
    assert compile_zip(artifact, sys.executable) == 2
    with zipfile.ZipFile(artifact) as bundle:
        names = set(bundle.namelist())
        assert {n: bundle.read(n).decode() for n in SOURCES} == SOURCES
        pyc = bundle.read(f"pkg/__pycache__/mod.{TAG}.pyc")
    assert names == set(SOURCES) | {f"pkg/__pycache__/__init__.{TAG}.pyc", f"pkg/__pycache__/mod.{TAG}.pyc"}
    assert int.from_bytes(pyc[4:8], "little") == 0b01  # PEP 552: hash-based, source never checked


def test_a_zip_without_bytecode_is_caught_compiling_and_a_compiled_one_is_not(tmp_path):
    artifact = _zip(tmp_path)
    program = {"load": "import pkg.mod\nassert pkg.mod.answer() == 42\n"}
    compiled = check(artifact, sys.executable, program)["load"]
    assert sorted(Path(p).name for p in compiled) == ["__init__.py", "mod.py"]
    compile_zip(artifact, sys.executable)
    assert check(artifact, sys.executable, program) == {"load": []}


def test_a_handler_that_writes_into_the_tree_fails_the_check(tmp_path):
    artifact = _zip(tmp_path)
    compile_zip(artifact, sys.executable)
    with pytest.raises(SystemExit, match="wrote into the unzipped tree"):
        check(artifact, sys.executable, {"writes": "open('pkg/data.txt', 'a').write('more')\n"})


def test_c_extensions_built_for_another_python_are_found(tmp_path):
    from scripts.check_artifact_imports import foreign_extensions

    artifact = tmp_path / "artifact.zip"
    with zipfile.ZipFile(artifact, "w") as bundle:
        for name in ("_cffi_backend.cpython-312-x86_64-linux-gnu.so", "ok/_speedups.cpython-313-x86_64-linux-gnu.so",
                     "_argon2_cffi_bindings/_ffi.abi3.so", "pkg/mod.py"):
            bundle.writestr(name, b"")
    assert foreign_extensions(artifact, "python3.13") == ["_cffi_backend.cpython-312-x86_64-linux-gnu.so"]


def test_a_module_missing_from_the_zip_is_not_found_outside_it(tmp_path):
    """Only the runtime's own packages (boto3 & co.) are on the path besides the unzipped tree: flask, which the
    zip must carry, is not taken from the venv."""
    artifact = _zip(tmp_path)
    compile_zip(artifact, sys.executable)
    assert check(artifact, sys.executable, {"runtime": "import boto3\n"}) == {"runtime": []}
    with pytest.raises(SystemExit, match="did not load"):
        check(artifact, sys.executable, {"zip": "import flask\n"})
