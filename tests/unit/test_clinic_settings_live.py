"""A clinic's settings: what a change changes (old -> new, by dotted name), which changes re-plan texts, and the
patients' view of their clinic as it is now (read at most once a minute per process)."""
from dataclasses import replace

import pytest

from shared.domain.clinic_settings import ClinicSettings
from shared.domain.enrollment import Enrollment
from shared.domain.patients import Clinic
from shared.domain.settings_changes import as_fields, changed_clinic, differences, replans
from shared.services.live_settings import ClinicsNow
from tests.builders import a_patient as make_patient

CLINIC = Clinic("c1", "Demo Clinic", "+12125550100")


def test_a_partial_change_keeps_the_rest_and_lists_each_difference_by_dotted_name():
    new = changed_clinic(CLINIC, {"quiet_hours": {"start": "20:00", "end": "08:00"}, "thresholds": {"trend": 4},
                                  "phone": "+12125550199"})
    assert new.settings.quiet_start.strftime("%H:%M") == "20:00" and new.settings.thresholds.trend == 4
    assert new.settings.thresholds.mood_low == CLINIC.settings.thresholds.mood_low and new.name == "Demo Clinic"
    assert differences(CLINIC, new) == {"quiet_hours.start": {"from": "21:00", "to": "20:00"},
                                        "thresholds.trend": {"from": 2, "to": 4},
                                        "phone": {"from": "+12125550100", "to": "+12125550199"}}
    assert differences(CLINIC, changed_clinic(CLINIC, {"name": "Demo Clinic"})) == {}


def test_the_operators_settings_survive_an_admins_change():
    clinic = replace(CLINIC, settings=ClinicSettings(sender_number="+15005550007", countries=("US",),
                                                     enrollments_per_day=900))
    new = changed_clinic(clinic, {"discreet_texts": True})
    assert (new.settings.sender_number, new.settings.countries, new.settings.enrollments_per_day) == (
        "+15005550007", ("US",), 900)
    assert as_fields(new)["sender_number"] == "+15005550007"


def test_settings_that_break_a_rule_together_are_refused():
    with pytest.raises(ValueError, match="Quiet hours"):
        changed_clinic(CLINIC, {"quiet_hours": {"start": "22:00", "end": "08:00"}})


@pytest.mark.parametrize("changes, again", [
    ({"name": 1}, True), ({"discreet_texts": 1}, True), ({"quiet_hours.start": 1}, True), ({"quiet_hours.end": 1}, True),
    ({"thresholds.mood_low": 1, "escalation_email": 1, "timezone": 1, "phone": 1}, False)])
def test_only_what_planned_texts_carry_plans_them_again(changes, again):
    assert replans(changes) is again


class Clinics:
    def __init__(self, clinic):
        self.clinic, self.reads = clinic, 0

    def get_clinic(self, clinic_id):
        self.reads += 1
        return self.clinic if clinic_id == self.clinic.clinic_id else None


def test_patients_read_with_the_clinic_as_it_is_now_and_a_clinic_is_read_once_a_minute():
    clock = [0.0]
    clinics = Clinics(replace(CLINIC, name="Northside", settings=ClinicSettings(discreet_texts=True)))
    now = ClinicsNow(clinics, lambda: clock[0])
    patient = make_patient(enrollment=Enrollment(clinic_name="Demo Clinic", settings=ClinicSettings()), clinic_id="c1")
    seen = now.applied(patient)
    assert (seen.clinic_name, seen.clinic_settings.discreet_texts, seen.enrollment.clinic_phone) == (
        "Northside", True, "+12125550100")
    assert seen.plan == patient.plan and seen.phone == patient.phone
    clinics.clinic = replace(clinics.clinic, name="Renamed")
    clock[0] = 59.0
    assert now.applied(patient).clinic_name == "Northside" and clinics.reads == 1
    clock[0] = 60.0
    assert now.applied(patient).clinic_name == "Renamed" and clinics.reads == 2
    clinics.clinic = replace(clinics.clinic, name="At once")
    now.forget("c1")
    assert now.applied(patient).clinic_name == "At once"


def test_a_patient_whose_clinic_is_not_there_keeps_what_enrollment_wrote():
    patient = make_patient(enrollment=Enrollment(clinic_name="Gone Clinic"), clinic_id="c9")
    assert ClinicsNow(Clinics(CLINIC), lambda: 0.0).applied(patient) == patient
    assert ClinicsNow(Clinics(CLINIC), lambda: 0.0).applied(None) is None
