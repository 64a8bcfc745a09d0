"""The enrollment and the clinic's settings are typed values with their defaults in one place."""
from __future__ import annotations

import re
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

from shared.domain.clinic_settings import ClinicSettings
from shared.domain.enrollment import Enrollment

ROOT = Path(__file__).resolve().parents[2]


def test_an_enrollment_keeps_what_was_asked_and_reads_back_the_same():
    settings = ClinicSettings.from_dict({"quiet_start": "20:00", "escalation_email": "oncall@example.org",
                                         "thresholds": {"mood_low": 2}, "safety_mood_at_or_below": 3})
    asked = {"first_name": "Ana", "start_dose_mg": Decimal("4.5"), "step_mg": Decimal("0.5"), "step_days": 7,
             "checkin_time": time(17, 30), "follow_up_days": [2, 9], "consent": True, "notes": "kept elsewhere"}
    enrollment = Enrollment.of_request(asked, "Demo Clinic", "+1 212 555 0100", settings, "admin@example.org")
    assert (enrollment.step_mg, enrollment.step_days, enrollment.checkin_time) == (Decimal("0.5"), 7, time(17, 30))
    assert enrollment.follow_up_days == (2, 9) and enrollment.consent_recorded
    assert enrollment.asked == {"first_name": "Ana", "start_dose_mg": "4.5"}
    assert enrollment.settings.thresholds.mood_low == 2 and enrollment.settings.quiet_start == time(20, 0)
    assert Enrollment.from_record(enrollment.to_record()) == enrollment
    assert "float" not in repr(enrollment.to_record())  # storable in DynamoDB


def test_an_old_record_reads_with_the_defaults():
    old = Enrollment.from_record({"clinic_name": "Demo Clinic", "clinic_settings": {"discreet_texts": True}})
    assert (old.step_mg, old.step_days, old.follow_up_days) == (Decimal("1.0"), 4, (1, 3, 7, 14, 28))
    assert old.settings.discreet_texts and old.settings.ack_urgent_minutes == 60
    assert Enrollment.from_record({}).clinic_name == "your clinic"


@pytest.mark.parametrize("bad", [{"timezone": "Mars/Olympus"}, {"quiet_end": "07:00"},
                                 {"safety_mood_at_or_below": 11}, {"safety_mood_at_or_below": True}])
def test_a_bad_setting_is_refused_by_name(bad):
    with pytest.raises(ValueError):
        ClinicSettings.from_dict(bad)


def test_a_stored_setting_that_no_longer_reads_falls_back_and_the_patient_stays_readable():
    stored = {"clinic_settings": {"ack_urgent_minutes": "soon", "thresholds": {"mood_low": "x"},
                                  "escalation_email": "oncall@example.org", "quiet_end": "07:00"}}
    settings = Enrollment.from_record(stored).settings
    assert (settings.ack_urgent_minutes, settings.thresholds.mood_low, settings.quiet_end) == (60, 3, time(8, 0))
    assert settings.escalation_email == "oncall@example.org"
    with pytest.raises(ValueError):
        ClinicSettings.from_dict(stored["clinic_settings"])  # a new clinic's settings are still refused


def test_no_code_reads_the_enrollment_or_the_settings_by_string_key():
    pattern = re.compile(r"\.enrollment(\.get\(|\[)|\.settings(\.get\(|\[)|clinic_settings\"\)")
    parsers = {"shared/domain/enrollment.py", "shared/domain/clinic_settings.py"}  # where records become values
    readers = [f"{path.relative_to(ROOT)}:{n}" for folder in ("shared", "functions") for path in (ROOT / folder).rglob("*.py")
               if str(path.relative_to(ROOT)) not in parsers
               for n, line in enumerate(path.read_text().splitlines(), 1) if pattern.search(line)]
    assert readers == []
