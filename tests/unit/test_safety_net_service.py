"""The safety net through the inbound service on the in-memory store: crisis, the safety question and its timer,
low mood, and free text that reaches a person, in every conversation state."""
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from shared.domain import checkins
from shared.domain.accounts import Caller, Role
from shared.domain.jobs import Channel
from shared.domain.patients import PatientStatus
from shared.domain.safety_question import REPLY_BREAK
from shared.domain.texts import fits_one_segment
from shared.services.checkins import CheckinService
from shared.services.escalations import EscalationService
from shared.services.inbound import InboundService
from shared.services.ports import InboundSms, StoreUnavailable
from shared.domain.job_kinds import JobKind
from shared.services.safety_net import SafetyService

SAFETY_TIMEOUT = JobKind.SAFETY_CHECK_TIMEOUT
from tests.builders import a_patient
from tests.fakes import MemoryStore

NOW = datetime(2027, 1, 5, 18, 0, tzinfo=timezone.utc)
PHONE = "+12125550123"
EXPLICIT = "I want to kill myself"
WARNING = "honestly there is no way out of this"
SETTINGS = {"escalation_email": "oncall@clinic.example"}
STATES = [PatientStatus.AWAITING_CONSENT, PatientStatus.ACTIVE, PatientStatus.OPTED_OUT, PatientStatus.COMPLETED,
          PatientStatus.CONSENT_EXPIRED]


class Story:
    """One patient, the in-memory store and the services a text and the timer go through."""

    def __init__(self, status=PatientStatus.ACTIVE, settings=None, **changes):
        enrollment = {"clinic_name": "Demo Clinic", "clinic_phone": "+1 212 555 0100",
                      "clinic_settings": {**SETTINGS, **(settings or {})}}
        self.store = MemoryStore()
        self.store.add_patient(a_patient("p1", phone=PHONE, status=status, enrollment=enrollment, **changes))
        self.inbound = InboundService(self.store)
        self.sids = 0

    def text(self, body, at=NOW, sender=PHONE):
        self.sids += 1
        return self.inbound.handle(InboundSms(f"SM{self.sids}", sender, "+15005550006", body, at))

    @property
    def patient(self):
        return self.store.patients["p1"]

    def escalations(self, reason=None):
        return [e for e in self.store.escalations_of("p1") if reason is None or e.reasons == (reason,)]

    def jobs(self, kind):
        return [j for j in self.store.jobs_of("p1") if j.kind == kind]

    def emails(self):
        return self.jobs("escalation_email")

    def open_checkin(self, position=0):
        checkin, _ = checkins.start("chk1", checkins.STEP, Decimal("3.5"), NOW - timedelta(minutes=5))
        for _ in range(position):
            checkin, _ = checkins.answer(checkin, "3", f"SMa{_}", NOW - timedelta(minutes=4))
        self.store.patients["p1"] = self.patient.__class__(**{**self.patient.__dict__, "open_checkin": checkin})

    def timer_runs(self, at):
        job = self.jobs(SAFETY_TIMEOUT)[0]
        SafetyService(self.store, "https://app.example").unanswered(job, self.patient, at)


# explicit: 988 and 911 at once, an urgent crisis escalation, in every state

@pytest.mark.parametrize("status", STATES)
def test_crisis_language_in_every_state_gets_988_and_an_urgent_emailed_crisis_escalation(status):
    story = Story(status)
    result = story.text(EXPLICIT)
    assert "988" in result.reply and "911" in result.reply
    [crisis] = story.escalations("crisis")
    assert crisis.severity == "urgent" and crisis.evidence[0]["text"] == EXPLICIT
    assert {j.to for j in story.emails()} == {"dr@example.org", "oncall@clinic.example"}
    assert EXPLICIT not in " ".join(j.body + j.html for j in story.emails())


def test_crisis_language_from_an_unknown_number_still_gets_988_and_911():
    story = Story()
    result = story.text(EXPLICIT, sender="+12125550999")
    assert "988" in result.reply and "911" in result.reply and story.escalations() == []


def test_crisis_language_interrupts_the_open_checkin_and_the_safety_question():
    story = Story()
    story.open_checkin()
    story.text(WARNING)
    story.text(EXPLICIT)
    assert story.patient.open_checkin is None and story.patient.safety_question is None
    assert story.store.checkins_of("p1")[0].status == checkins.INTERRUPTED


# warning: the safety question, one segment, YES or NO, 988

@pytest.mark.parametrize("status", STATES)
def test_a_warning_sign_in_any_state_asks_the_safety_question_naming_988(status):
    story = Story(status)
    result = story.text(WARNING)
    assert "988" in result.reply and "YES or NO" in result.reply and fits_one_segment(result.reply)
    assert story.patient.safety_question.words == (WARNING,)
    [timer] = story.jobs(SAFETY_TIMEOUT)
    assert timer.send_at == NOW + timedelta(minutes=60) and timer.channel is Channel.TASK


def test_a_warning_sign_from_an_unknown_number_gets_988_without_a_question():
    result = Story().text(WARNING, sender="+12125550999")
    assert "988" in result.reply and "YES or NO" not in result.reply


def test_yes_to_the_safety_question_takes_the_crisis_path():
    story = Story()
    story.text(WARNING)
    result = story.text("Yes")
    assert "988" in result.reply and "911" in result.reply
    [crisis] = story.escalations("crisis")
    assert crisis.severity == "urgent" and "YES" in crisis.evidence[0]["why"]
    assert story.patient.safety_question is None


@pytest.mark.parametrize("answer", ["SI", "sí", "Si."])
def test_si_answers_yes(answer):
    story = Story()
    story.text(WARNING)
    story.text(answer)
    assert story.escalations("crisis")


def test_no_gets_a_kind_reply_and_a_routine_warning_signs_escalation_with_the_patients_words():
    story = Story()
    story.text(WARNING)
    result = story.text("no")
    assert "988" in result.reply and "care team" in result.reply
    [warning] = story.escalations("warning_signs")
    assert warning.severity == "routine" and warning.evidence[0]["words"] == [WARNING]
    assert story.patient.safety_question is None
    assert [j.to for j in story.emails()] == ["dr@example.org"]
    assert WARNING not in " ".join(j.body + j.html for j in story.emails())


def test_an_open_checkin_resumes_after_the_answer_with_its_question_as_a_second_text():
    story = Story()
    story.open_checkin(position=1)
    story.text(WARNING)
    reply = story.text("No").reply
    kind, question = reply.split(REPLY_BREAK)
    assert "988" in kind and question.startswith("2/3")
    assert story.text("6").reply.startswith("3/3")


def test_while_the_question_is_open_other_texts_ask_it_again_and_are_kept_for_the_provider():
    story = Story()
    story.open_checkin()
    story.text(WARNING)
    result = story.text("7")
    assert "YES or NO" in result.reply and "988" in result.reply
    assert story.patient.open_checkin.answers == {}
    assert story.patient.safety_question.words == (WARNING, "7")


def test_stop_still_opts_out_while_the_question_is_open_and_the_timer_still_tells_the_care_team():
    story = Story()
    story.text(WARNING)
    story.text("STOP")
    assert story.patient.status is PatientStatus.OPTED_OUT
    assert [j.status.value for j in story.jobs(SAFETY_TIMEOUT)] == ["pending"]   # STOP cancels texts only
    story.timer_runs(NOW + timedelta(minutes=60))
    assert story.escalations("safety_check_unanswered")


def test_a_warning_text_soon_after_no_gets_988_without_a_new_question_and_reaches_the_provider():
    story = Story()
    story.text(WARNING)
    story.text("no")
    result = story.text("this is goodbye", at=NOW + timedelta(minutes=10))
    assert "988" in result.reply and "YES or NO" not in result.reply
    [warning] = story.escalations("warning_signs")
    assert [e["text"] for e in warning.evidence[1:]] == ["this is goodbye"]
    assert len(story.jobs(SAFETY_TIMEOUT)) == 1


def test_a_warning_text_a_day_after_no_asks_again():
    story = Story()
    story.text(WARNING)
    story.text("no")
    assert "YES or NO" in story.text(WARNING, at=NOW + timedelta(hours=25)).reply


# no answer within 60 minutes: urgent, to the provider and the clinic's escalation address

def test_an_unanswered_question_becomes_an_urgent_escalation_emailed_to_provider_and_escalation_address():
    story = Story()
    story.text(WARNING)
    story.timer_runs(NOW + timedelta(minutes=60))
    [unanswered] = story.escalations("safety_check_unanswered")
    assert unanswered.severity == "urgent" and unanswered.evidence[0]["words"] == [WARNING]
    assert {j.to for j in story.emails()} == {"dr@example.org", "oncall@clinic.example"}
    story.timer_runs(NOW + timedelta(minutes=61))  # a second run (at-least-once) adds nothing
    assert len(story.escalations("safety_check_unanswered")) == 1


def test_an_answered_question_raises_nothing_when_its_timer_runs():
    story = Story()
    story.text(WARNING)
    story.text("no")
    story.timer_runs(NOW + timedelta(minutes=60))
    assert story.escalations("safety_check_unanswered") == []


def test_a_late_no_is_added_to_the_unanswered_escalation():
    story = Story()
    story.text(WARNING)
    story.timer_runs(NOW + timedelta(minutes=60))
    story.text("no", at=NOW + timedelta(minutes=90))
    [unanswered] = story.escalations("safety_check_unanswered")
    assert "answered NO" in unanswered.evidence[-1]["why"] and story.escalations("warning_signs")


def test_a_check_in_waits_while_the_safety_question_is_open():
    story = Story()
    story.text(WARNING)
    job = type("J", (), {"job_id": "chk9", "meta": {}})()
    assert CheckinService(story.store).open(job, story.patient, NOW + timedelta(minutes=5)) == NOW + timedelta(minutes=20)


# a very low mood asks too

def test_a_mood_of_1_is_followed_at_once_by_the_safety_question_then_the_checkin_resumes():
    story = Story()
    story.open_checkin(position=1)
    result = story.text("1")
    assert "YES or NO" in result.reply and "988" in result.reply
    assert story.patient.open_checkin.answers["mood"].value == 1
    assert story.patient.safety_question.trigger == "low_mood"
    assert story.text("no").reply.split(REPLY_BREAK)[1].startswith("3/3")


def test_a_mood_of_2_asks_nothing_by_default_but_does_at_a_clinic_threshold_of_3():
    default, strict = Story(), Story(settings={"safety_mood_at_or_below": 3})
    for story in (default, strict):
        story.open_checkin(position=1)
    assert default.text("2").reply.startswith("3/3")
    assert "YES or NO" in strict.text("2").reply


def test_a_low_mood_given_with_every_answer_at_once_still_asks():
    story = Story()
    story.open_checkin()
    assert "YES or NO" in story.text("3 0 1").reply
    assert story.patient.open_checkin is None and story.patient.safety_question is not None


# every free-text message reaches a person

@pytest.mark.parametrize("status", STATES)
def test_free_text_in_any_state_opens_one_routine_patient_message_escalation(status):
    story = Story(status)
    result = story.text("can someone call me about my dose?")
    assert "988" not in result.reply
    [message] = story.escalations("patient_message")
    assert message.severity == "routine" and message.evidence[0]["text"] == "can someone call me about my dose?"


def test_more_messages_add_to_the_open_one_and_the_email_carries_no_text():
    story = Story()
    story.text("feeling a bit off since the step down")
    story.text("also my stomach hurts")
    [message] = story.escalations("patient_message")
    assert [e["text"] for e in message.evidence] == ["feeling a bit off since the step down", "also my stomach hurts"]
    [email] = story.emails()
    assert "stomach" not in email.body + email.html + email.subject and "off since" not in email.body + email.html


def test_acknowledging_marks_messages_read_and_the_next_message_opens_a_new_one():
    story = Story()
    story.text("question about my dose")
    escalations = EscalationService(story.store, "https://app.example")
    caller = Caller(clinic_id="c1", email="dr@example.org", role=Role.PROVIDER)
    first = story.escalations("patient_message")[0].escalation_id
    escalations.acknowledge(caller, first, NOW)
    assert story.patient.open_escalations == {}
    story.text("another question")
    by_id = {e.escalation_id: e.status for e in story.escalations("patient_message")}
    assert by_id.pop(first) == "acknowledged" and list(by_id.values()) == ["open"]


def test_a_checkin_reply_the_reader_cannot_read_also_reaches_a_person():
    story = Story()
    story.open_checkin()
    result = story.text("been feeling awful since tuesday")
    assert result.reply.startswith("Sorry")
    assert story.escalations("patient_message")[0].evidence[0]["text"] == "been feeling awful since tuesday"


def test_a_readable_checkin_answer_is_not_a_message():
    story = Story()
    story.open_checkin()
    story.text("4")
    assert story.escalations() == []


def test_keywords_and_consent_are_not_messages():
    story = Story(PatientStatus.AWAITING_CONSENT)
    for body in ("HELP", "YES", "CALL"):
        story.text(body)
    assert story.escalations("patient_message") == []


# whatever fails, a crisis or warning text is answered

class BrokenStore(MemoryStore):
    def patient_for_phone(self, e164, sender=""):
        raise StoreUnavailable("down")


@pytest.mark.parametrize("body", [EXPLICIT, WARNING])
def test_a_crisis_or_warning_text_gets_988_when_the_store_is_down(body):
    assert "988" in InboundService(BrokenStore()).handle(InboundSms("SM1", PHONE, "", body, NOW)).reply


def test_an_ordinary_text_fails_loudly_when_the_store_is_down():
    with pytest.raises(StoreUnavailable):
        InboundService(BrokenStore()).handle(InboundSms("SM1", PHONE, "", "hello", NOW))


def test_a_warning_text_while_a_crisis_is_open_gets_988_and_joins_the_crisis_escalation():
    story = Story()
    story.text(EXPLICIT)
    result = story.text(WARNING)
    assert "988" in result.reply and "911" in result.reply and story.patient.safety_question is None
    [crisis] = story.escalations()
    assert [e["text"] for e in crisis.evidence] == [EXPLICIT, WARNING]


def test_stop_right_after_crisis_language_leaves_the_urgent_emails_to_go_out():
    story = Story()
    story.text(EXPLICIT)
    story.text("STOP")
    assert {j.status.value for j in story.emails()} == {"pending"} and len(story.emails()) == 2


@pytest.mark.parametrize("body", ["no one would even notice if I was gone", "No, but I have pills saved up"])
def test_a_warning_sign_that_starts_with_no_is_not_a_no(body):
    story = Story()
    story.text(WARNING)
    result = story.text(body)
    assert "YES or NO" in result.reply and story.patient.safety_question.words == (WARNING, body)
    assert story.escalations("warning_signs") == []


def test_after_the_hour_what_the_patient_writes_goes_to_the_unanswered_escalation_and_yes_carries_the_words():
    story = Story()
    story.text(WARNING)
    story.timer_runs(NOW + timedelta(minutes=60))
    story.text("please call me, I'm scared", at=NOW + timedelta(minutes=70))
    story.text("yes", at=NOW + timedelta(minutes=75))
    [unanswered] = story.escalations("safety_check_unanswered")
    assert [e.get("text") for e in unanswered.evidence[1:]] == ["please call me, I'm scared", "yes"]
    [crisis] = story.escalations("crisis")
    assert crisis.evidence[0]["words"] == [WARNING, "please call me, I'm scared"]


def test_a_low_mood_days_after_an_unanswered_question_asks_again():
    story = Story()
    story.text(WARNING)
    story.timer_runs(NOW + timedelta(minutes=60))
    story.open_checkin(position=1)
    assert "YES or NO" in story.text("0", at=NOW + timedelta(days=3)).reply
    assert story.patient.safety_question.trigger == "low_mood"


def test_start_still_resubscribes_while_the_question_is_open():
    story = Story()
    story.text(WARNING)
    story.text("STOP")
    story.text("START")
    assert story.patient.status is PatientStatus.ACTIVE



def test_the_escalation_says_which_concept_matched_in_the_providers_words_without_the_patients():
    story = Story()
    story.text("I feel like such a burden to everyone")
    story.text("no")
    [warning] = story.escalations("warning_signs")
    assert "feeling a burden" in warning.evidence[0]["why"] and "everyone" not in warning.evidence[0]["why"]
