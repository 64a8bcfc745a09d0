from datetime import datetime, timezone

import pytest

from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import PatientStatus
from shared.services.inbound import InboundService
from shared.services.ports import InboundSms
from tests.builders import a_patient
from tests.fakes import MemoryStore

NOW = datetime(2027, 1, 5, 18, 0, tzinfo=timezone.utc)
PHONE = "+12125550123"


def sms(body, sid="SM1", sender=PHONE):
    return InboundSms(message_sid=sid, from_number=sender, to_number="+15005550006", body=body, received_at=NOW)


def with_patient(status=PatientStatus.ACTIVE, **changes):
    store = MemoryStore()
    store.add_patient(a_patient("p1", phone=PHONE, status=status, **changes))
    return store, InboundService(store)


def pending_job(store, kind="consent_reminder"):
    job = Job.new(patient_id="p1", channel=Channel.SMS, kind=kind, to=PHONE, send_at=NOW, unique=kind, body="x")
    store.put_job(job)
    return job


def test_help_names_the_patients_clinic_and_is_stored_once():
    store, service = with_patient()
    result = service.handle(sms("help"))
    assert "Demo Clinic" in result.reply and "+1 212 555 0100" in result.reply and "STOP" in result.reply
    assert [m["flags"] for m in store.messages] == [["help"]]


def test_a_retried_webhook_gets_the_same_reply_and_is_not_stored_twice():
    store, service = with_patient(PatientStatus.AWAITING_CONSENT)
    first = service.handle(sms("YES", sid="SM9"))
    again = service.handle(sms("YES", sid="SM9"))
    assert again.duplicate and again.reply == first.reply
    assert len(store.messages) == 1 and store.patients["p1"].status is PatientStatus.ACTIVE


@pytest.mark.parametrize("body", ["YES", "yes", "Y", "yes!", "ok yes", "Yes please", " yeah "])
def test_yes_gives_consent_confirms_and_drops_the_consent_reminders(body):
    store, service = with_patient(PatientStatus.AWAITING_CONSENT)
    reminder = pending_job(store)
    result = service.handle(sms(body))
    assert store.patients["p1"].status is PatientStatus.ACTIVE
    assert "Thanks Ana" in result.reply and "9:00 PM" in result.reply
    assert store.get_job("p1", reminder.job_id).status is JobStatus.CANCELLED


@pytest.mark.parametrize("body", ["no", "not yet", "what is this?", "yes no", "7"])
def test_anything_else_while_awaiting_consent_asks_again_and_changes_nothing(body):
    store, service = with_patient(PatientStatus.AWAITING_CONSENT)
    result = service.handle(sms(body))
    assert "reply YES" in result.reply and store.patients["p1"].status is PatientStatus.AWAITING_CONSENT


@pytest.mark.parametrize("status", [PatientStatus.AWAITING_CONSENT, PatientStatus.ACTIVE])
def test_stop_opts_out_and_cancels_every_pending_job(status):
    store, service = with_patient(status)
    jobs = [pending_job(store, "consent_reminder"), pending_job(store, "dose_reminder")]
    result = service.handle(sms(" stop "))
    assert store.patients["p1"].status is PatientStatus.OPTED_OUT
    assert all(store.get_job("p1", j.job_id).status is JobStatus.CANCELLED for j in jobs)
    assert "START" in result.reply


def test_an_opted_out_patient_gets_no_reply_until_start_which_restores_their_state():
    store, service = with_patient(PatientStatus.ACTIVE)
    service.handle(sms("STOP", sid="SM1"))
    assert service.handle(sms("how do I get back?", sid="SM2")).reply == ""
    result = service.handle(sms("START", sid="SM3"))
    assert store.patients["p1"].status is PatientStatus.ACTIVE and "again" in result.reply


def test_start_before_consent_goes_back_to_awaiting_consent_and_asks_for_yes():
    store, service = with_patient(PatientStatus.AWAITING_CONSENT)
    service.handle(sms("STOP", sid="SM1"))
    result = service.handle(sms("START", sid="SM2"))
    assert store.patients["p1"].status is PatientStatus.AWAITING_CONSENT and "reply YES" in result.reply


@pytest.mark.parametrize("status", list(PatientStatus))
def test_crisis_language_gets_988_in_every_state(status):
    store, service = with_patient(status)
    result = service.handle(sms("STOP I want to kill myself"))
    assert "988" in result.reply and "911" in result.reply
    assert store.messages[0]["flags"] == ["crisis"] and store.patients["p1"].status is status


def test_crisis_from_an_unknown_number_still_gets_988():
    result = InboundService(MemoryStore()).handle(sms("no reason to live", sender="+15559990000"))
    assert "988" in result.reply


def test_unknown_number_is_told_it_is_not_enrolled_and_the_text_is_kept():
    store = MemoryStore()
    result = InboundService(store).handle(sms("hello?", sender="+15559990000"))
    assert "not enrolled" in result.reply
    assert store.messages[0]["body"] == "hello?" and store.messages[0]["patient_id"] is None


def test_a_patient_note_is_acknowledged_for_the_care_team():
    store, service = with_patient()
    result = service.handle(sms("slept badly"))
    assert "care team" in result.reply and store.messages[0]["flags"] == ["note"]


def with_open_checkin(**changes):
    from decimal import Decimal

    from shared.domain import checkins

    checkin, _ = checkins.start("chk1", checkins.STEP, Decimal("2.5"), NOW)
    return with_patient(PatientStatus.ACTIVE, open_checkin=checkin, **changes)


def test_a_number_answers_the_open_check_in_and_asks_the_next_question():
    store, service = with_open_checkin()
    result = service.handle(sms("7/10"))
    assert result.reply.startswith("2/3: How is your mood")
    open_checkin = store.patients["p1"].open_checkin
    assert open_checkin.answers["symptoms"].value == 7 and open_checkin.answers["symptoms"].raw == "7/10"


def test_the_last_answer_finishes_the_check_in_into_history():
    store, service = with_open_checkin()
    assert "Thank you" in service.handle(sms("3 7 0")).reply
    assert store.patients["p1"].open_checkin is None
    [done] = store.checkins["p1"]
    assert done.status == "completed" and {q: a.value for q, a in done.answers.items()} == {
        "symptoms": 3, "mood": 7, "withdrawal": 0}


def test_keywords_keep_their_meaning_mid_check_in():
    store, service = with_open_checkin()
    assert "Msg freq varies" in service.handle(sms("HELP", sid="SM1")).reply
    assert store.patients["p1"].open_checkin.position == 0  # HELP is not an answer
    service.handle(sms("STOP", sid="SM2"))
    assert store.patients["p1"].status is PatientStatus.OPTED_OUT and store.patients["p1"].open_checkin is None
    assert store.checkins["p1"][0].status == "interrupted"


def test_crisis_mid_check_in_interrupts_it_escalates_urgently_and_pauses_check_ins():
    store, service = with_open_checkin()
    result = service.handle(sms("8, honestly I want to die"))
    assert "988" in result.reply
    patient = store.patients["p1"]
    assert patient.open_checkin is None and store.checkins["p1"][0].status == "interrupted"
    [escalation] = store.escalations["p1"]
    assert escalation.reasons == ("crisis",) and escalation.severity == "urgent" and escalation.status == "open"
    assert patient.checkins_paused_by == escalation.escalation_id
    assert "symptoms" not in {q for q, a in store.checkins["p1"][0].answers.items() if a.value is not None}


@pytest.mark.parametrize("status", list(PatientStatus))
def test_crisis_raises_an_urgent_escalation_in_every_state(status):
    store, service = with_patient(status)
    assert "988" in service.handle(sms("I might kill myself")).reply
    assert [e.severity for e in store.escalations["p1"]] == ["urgent"]


def test_a_text_with_no_check_in_open_is_a_note_for_the_care_team():
    store, service = with_patient(PatientStatus.ACTIVE)
    assert "care team" in service.handle(sms("7")).reply
    assert store.messages[0]["flags"] == ["note"] and "p1" not in store.checkins


def test_a_yes_never_resubscribes_an_opted_out_patient():
    store, service = with_patient(PatientStatus.ACTIVE)
    service.handle(sms("STOP", sid="SM1"))
    assert service.handle(sms("ok yes", sid="SM2")).reply == ""
    assert store.patients["p1"].status is PatientStatus.OPTED_OUT


def test_two_yes_texts_leave_one_live_set_of_reminders():
    from shared.services.dispatch import Dispatcher
    from tests.fakes import FakeMail, FakeSms

    store, service = with_patient(PatientStatus.AWAITING_CONSENT)
    # Given the first YES wrote its jobs but its status change never landed (an outage)
    first_patient = store.patients["p1"]
    from shared.domain.schedule import plan_jobs

    store.put_jobs_once(plan_jobs(first_patient, NOW, "SMlost"))
    # When the patient texts YES again and it goes through
    service.handle(sms("YES", sid="SMyes"))
    sms_sender = FakeSms()
    dispatcher = Dispatcher(outbox=store, sms=sms_sender, mail=FakeMail(), public_base_url="https://t", patients=store)
    first_night = datetime(2027, 1, 6, 2, 0, tzinfo=timezone.utc)  # 21:00 New York on Jan 5
    dispatcher.run(first_night)
    # Then the patient gets one reminder that night, not two
    assert [m["body"] for m in sms_sender.sent if "Tonight" in m["body"]] == ["Demo Clinic: Tonight: LDN 4.5 mg."]


def test_start_before_any_yes_runs_the_consent_reminder_and_expiry_again():
    store, service = with_patient(PatientStatus.AWAITING_CONSENT)
    service.handle(sms("STOP", sid="SM1"))
    service.handle(sms("START", sid="SM2"))
    pending = {j.kind for j in store.jobs.values() if j.status is JobStatus.PENDING}
    assert pending == {"consent_reminder", "consent_expiry"}


def test_call_asks_the_care_team_to_call_and_queues_a_contact_request():
    store, service = with_patient(PatientStatus.ACTIVE)
    result = service.handle(sms("call"))
    assert "care team to call you" in result.reply
    assert [j.kind for j in store.jobs.values()] == ["contact_request"]


def test_a_second_crisis_text_adds_evidence_to_the_open_crisis_escalation():
    store, service = with_patient(PatientStatus.ACTIVE)
    service.handle(sms("i want to die", sid="SM1"))
    second = service.handle(sms("still want to end it all", sid="SM2"))
    assert "988" in second.reply
    [escalation] = store.escalations["p1"]
    assert [e["message_sid"] for e in escalation.evidence] == ["SM1", "SM2"]
    assert [j.kind for j in store.jobs.values()].count("escalation_email") == 1


@pytest.mark.parametrize("failure", [RuntimeError("bug"), KeyError("profile"), TimeoutError()])
def test_a_crisis_text_gets_988_whatever_breaks_and_other_texts_fail_loudly(failure):
    class BrokenStore(MemoryStore):
        def patient_for_phone(self, phone, sender=""):
            raise failure

    service = InboundService(BrokenStore())
    answer = service.handle(sms("i want to end my life", sid="SMx1"))
    assert "988" in answer.reply and "crisis" in answer.flags
    with pytest.raises(type(failure)):
        service.handle(sms("7", sid="SMx2"))
