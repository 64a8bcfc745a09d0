"""scripts/check_package.py, which package.sh runs over the real zip, tried on zips made here."""
from __future__ import annotations

import zipfile
from pathlib import Path

from scripts.check_package import dev_only, main

HANDLER = "from shared.wiring import build_services\n"


def zip_of(tmp_path: Path, files: dict[str, str], name: str = "taperline.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)
    return path


def found_in(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with zipfile.ZipFile(zip_of(tmp_path, files)) as archive:
        return dev_only(archive)


def test_a_zip_of_functions_shared_and_requirements_is_fit_to_deploy(tmp_path):
    assert found_in(tmp_path, {"functions/web/handler.py": HANDLER, "shared/adapters/clock.py": "class SystemClock: ...",
                               "flask/app.py": "", "twilio/rest/__init__.py": "import local_settings_of_twilio"}) == []


def test_each_dev_only_folder_fails_the_zip(tmp_path):
    for folder in ("local", "tests", "bench", "scripts"):
        found = found_in(tmp_path, {"functions/web/handler.py": HANDLER, f"{folder}/x.py": ""})
        assert found == [f"{folder}/x.py: dev-only folder"], folder


def test_the_moved_modules_fail_the_zip_wherever_they_come_back(tmp_path):
    found = found_in(tmp_path, {"functions/web/handler.py": HANDLER, "shared/adapters/table_definition.py": "",
                                "shared/moto_atomic.py": ""})
    assert found == ["shared/adapters/table_definition.py: dev-only module", "shared/moto_atomic.py: dev-only module"]


def test_our_code_naming_the_simulated_clock_or_the_recording_sender_fails_the_zip(tmp_path):
    found = found_in(tmp_path, {"functions/web/handler.py": HANDLER,
                                "shared/adapters/clock.py": "class SimulatedClock:\n    pass\n",
                                "shared/adapters/ses_mail.py": "class RecordingMailSender(SesMailSender): ..."})
    assert found == ["shared/adapters/clock.py: names SimulatedClock",
                     "shared/adapters/ses_mail.py: names RecordingMailSender"]


def test_our_code_importing_the_dev_stack_tests_or_moto_fails_the_zip(tmp_path):
    source = "import json\nfrom local.clock import SimulatedClock\n    from moto.server import x\nimport tests.fakes\n"
    found = found_in(tmp_path, {"functions/dispatch/handler.py": source})
    assert found == ["functions/dispatch/handler.py: names SimulatedClock",
                     "functions/dispatch/handler.py: from local.clock import SimulatedClock",
                     "functions/dispatch/handler.py: from moto.server import x",
                     "functions/dispatch/handler.py: import tests.fakes"]


def test_a_zip_without_the_functions_is_not_taken_for_a_clean_package(tmp_path):
    assert found_in(tmp_path, {"shared/config.py": ""}) == ["no functions/ in the zip: not the Lambda package"]


def test_the_command_fails_on_dev_only_code_and_passes_a_clean_zip(tmp_path, capsys):
    clean = zip_of(tmp_path, {"functions/web/handler.py": HANDLER}, "clean.zip")
    dirty = zip_of(tmp_path, {"functions/web/handler.py": HANDLER, "local/stack.py": ""}, "dirty.zip")
    assert main([str(clean)]) == 0
    assert main([str(dirty)]) == 1
    assert "local/stack.py: dev-only folder" in capsys.readouterr().err
    assert main([]) == 2
