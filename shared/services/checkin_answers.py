"""A reply to the open check-in as a change to the patient's record: the answer stored, a text it cannot read
passed to the care team, and a very low mood followed at once by the safety question."""
from __future__ import annotations

from shared.domain import checkins
from shared.domain import safety_question as safety
from shared.domain.checkins import CheckIn
from shared.domain.job_kinds import JobKind
from shared.domain.patients import REMOVE, Patient, ProfileChange
from shared.services.checkins import safety_pending
from shared.services.escalations import task_job
from shared.services.ports import InboundSms
from shared.services.safety_net import ask, combine, message_change


def checkin_change(patient: Patient, sms: InboundSms, base_url: str) -> tuple[str, ProfileChange]:
    """The reply and change of one answer to the open check-in."""
    now = sms.received_at
    if patient.open_checkin is None:
        raise ValueError("an answer needs an open check-in")  # the conversation routes answers only then
    moved, reply = checkins.answer(patient.open_checkin, sms.body, sms.message_sid, now, patient.language)
    if moved.is_open:
        change = ProfileChange(checkin=moved)
    else:
        change = ProfileChange(checkin=REMOVE, finished=moved, jobs=(task_job(patient, JobKind.EVALUATE_CHECKIN, now),))
    if not _read(moved, sms.message_sid) and sms.body.strip():
        change = combine(change, message_change(patient, sms, base_url))
    if _low_mood(patient, moved, sms.message_sid) and not safety_pending(patient, now):
        return safety.question_text(patient.language), combine(change, ask(patient, safety.LOW_MOOD, patient.language,
                                                                           (), sms.body, now))
    return reply, change


def _read(checkin: CheckIn, message_sid: str) -> bool:
    """The text gave at least one answer the reader could read."""
    return any(a.message_sid == message_sid and a.value is not None for a in checkin.answers.values())


def _low_mood(patient: Patient, checkin: CheckIn, message_sid: str) -> bool:
    """This very text answered the mood question at or below the clinic's trigger (default 1 of 10)."""
    mood = checkin.answers.get("mood")
    threshold = patient.clinic_settings.safety_mood_at_or_below
    return mood is not None and mood.message_sid == message_sid and mood.value is not None and mood.value <= threshold
