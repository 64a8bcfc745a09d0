from datetime import datetime, timedelta, timezone
from itertools import count

from shared.domain.escalation_rules import Finding
from shared.domain.escalations import merge, provider_email
from shared.domain.patients import Escalation

NOW = datetime(2027, 5, 6, 22, 30, tzinfo=timezone.utc)
ids = (f"e{n}" for n in count())


def finding(reason="symptom_return", why="symptoms 8, baseline 2"):
    return Finding(reason, why, {"symptoms": 8, "baseline": 2})


def test_a_new_reason_opens_an_escalation_and_emails():
    [update] = merge({}, [finding()], NOW, lambda: next(ids))
    assert update.email and update.escalation.status == "open" and update.escalation.severity == "routine"
    assert update.escalation.evidence[0]["why"] == "symptoms 8, baseline 2"


def test_the_same_reason_adds_evidence_and_emails_again_only_after_24_hours():
    opened = Escalation("e1", ("symptom_return",), "routine", "open", NOW, ({"why": "first"},), NOW)
    [soon] = merge({"symptom_return": opened}, [finding()], NOW + timedelta(hours=23), lambda: next(ids))
    assert not soon.email and len(soon.escalation.evidence) == 2 and soon.escalation.escalation_id == "e1"
    [later] = merge({"symptom_return": soon.escalation}, [finding()], NOW + timedelta(hours=24), lambda: next(ids))
    assert later.email and later.escalation.last_emailed_at == NOW + timedelta(hours=24)


def test_the_email_names_no_patient_or_drug_in_the_subject_and_escapes_patient_text():
    escalation = Escalation("e1", ("symptom_return",), "routine", "open", NOW,
                            ({"why": "symptoms 8, baseline 2 <script>"},), NOW)
    email = provider_email("Demo Clinic", "Ana", "<b>Lopez</b>", [escalation], "2.5 mg", "1.5 mg from Mon",
                           "https://t.example/patients/p1")
    assert email.subject == "A patient at Demo Clinic needs review"
    assert "Ana" not in email.subject and "LDN" not in email.subject and "naltrexone" not in email.text.lower()
    assert "Patient: Ana <." in email.text and "symptoms 8, baseline 2" in email.text
    assert "<script>" not in email.html and "&lt;script&gt;" in email.html and "&lt;." in email.html
    assert 'href="https://t.example/patients/p1"' in email.html and "2.5 mg" in email.text


def test_an_urgent_escalation_says_so_in_the_subject():
    crisis = Escalation("e2", ("crisis",), "urgent", "open", NOW, ({"why": "crisis language in a text"},), NOW)
    assert provider_email("Demo Clinic", "Ana", "Lopez", [crisis], "2 mg", "none", "https://t").subject == \
        "Urgent: a patient at Demo Clinic needs review"


def test_acknowledge_within_an_hour_if_urgent_two_business_days_if_routine():
    from shared.domain.escalations import acknowledge_by, is_overdue

    friday = datetime(2027, 5, 7, 15, 0, tzinfo=timezone.utc)
    urgent = Escalation("u", ("crisis",), "urgent", "open", friday)
    routine = Escalation("r", ("mood_change",), "routine", "open", friday)
    assert acknowledge_by(urgent) == friday + timedelta(hours=1)
    assert acknowledge_by(routine) == datetime(2027, 5, 11, 15, 0, tzinfo=timezone.utc)  # Tuesday: weekend skipped
    assert not is_overdue(urgent, friday + timedelta(minutes=59)) and is_overdue(urgent, friday + timedelta(hours=1))
    acknowledged = Escalation("u", ("crisis",), "urgent", "acknowledged", friday)
    assert not is_overdue(acknowledged, friday + timedelta(days=3))


def test_urgent_emails_also_go_to_the_clinics_escalation_address_routine_ones_do_not():
    from shared.services.escalations import email_jobs
    from tests.builders import a_patient

    patient = a_patient(enrollment={"clinic_name": "Demo Clinic", "clinic_phone": "",
                                    "clinic_settings": {"escalation_email": "oncall@clinic.example"}})
    crisis = Escalation("e1", ("crisis",), "urgent", "open", NOW, ({"why": "crisis language in a text"},), NOW)
    mood = Escalation("e2", ("mood_change",), "routine", "open", NOW, ({"why": "mood 3 (low)"},), NOW)
    assert [j.to for j in email_jobs(patient, [crisis], NOW, "https://t")] == ["dr@example.org", "oncall@clinic.example"]
    assert [j.to for j in email_jobs(patient, [mood], NOW, "https://t")] == ["dr@example.org"]
    [job] = email_jobs(patient, [mood], NOW, "https://t")
    assert job.channel.value == "email" and job.subject == "A patient at Demo Clinic needs review" and job.html


def test_acknowledgement_deadlines_follow_the_clinics_settings():
    from shared.domain.escalations import deadline, is_overdue

    urgent = Escalation("u", ("crisis",), "urgent", "open", NOW)
    from shared.domain.clinic_settings import ClinicSettings

    settings = ClinicSettings(ack_urgent_minutes=30, ack_routine_business_days=1)
    assert deadline(urgent, settings) == NOW + timedelta(minutes=30)
    assert is_overdue(urgent, NOW + timedelta(minutes=31), settings)
    assert not is_overdue(urgent, NOW + timedelta(minutes=31))  # default: 1 hour
