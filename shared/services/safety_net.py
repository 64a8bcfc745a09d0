"""The safety net's outcomes as changes to the patient's record: crisis and safety escalations, the safety
question and its 60-minute timer, and patient messages that reach a person. Pure builders; the inbound service
and the timer task store them."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from shared.domain import checkins
from shared.domain import safety_question as safety
from shared.domain.escalation_rules import CRISIS, PATIENT_MESSAGE, SAFETY_CHECK_UNANSWERED, WARNING_SIGNS
from shared.domain.escalations import severity_of
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job, utc_iso
from shared.domain.patients import REMOVE, Escalation, Patient, ProfileChange
from shared.domain.safety_question import ANSWERED_NO, ANSWERED_YES, ASK, IN_CRISIS, REASK
from shared.log import logger
from shared.services.escalations import email_jobs, overdue_check_job
from shared.services.ports import InboundSms, Patients
from shared.services.retry import on_fresh_record

if TYPE_CHECKING:  # dispatch runs the timer: it never loads the detector or the conversation
    from shared.domain.conversation import Outcome
    from shared.domain.safety import Risk



def combine(first: ProfileChange | None, second: ProfileChange) -> ProfileChange:
    """Two changes written as one: jobs and evidence of both, any other field from whichever sets it."""
    if first is None:
        return second
    fields = {name: getattr(second, name) or getattr(first, name) for name in first.__dataclass_fields__}
    return replace(first, **{**fields, "jobs": (*first.jobs, *second.jobs),
                             "add_evidence": (*first.add_evidence, *second.add_evidence)})


def text_escalation(patient: Patient, reason: str, evidence: dict[str, Any], now: datetime, base_url: str) -> ProfileChange:
    """Open the patient's one escalation for this reason (emailed, with its overdue check), or add to it."""
    open_id = patient.open_escalations.get(reason)
    if open_id:
        return ProfileChange(add_evidence=((open_id, evidence),))
    escalation = Escalation(secrets.token_hex(8), (reason,), severity_of(reason), "open", now, (evidence,), now)
    return ProfileChange(escalation=escalation, jobs=(*email_jobs(patient, [escalation], now, base_url),
                                                      overdue_check_job(patient, escalation)))


def crisis_change(patient: Patient, sms: InboundSms, risk: Risk, outcome: Outcome, base_url: str) -> ProfileChange:
    """Urgent, at once: stored and emailed with this very text; the open check-in and safety question end."""
    now, open_checkin, question = sms.received_at, patient.open_checkin, patient.safety_question
    why = ("answered YES to the safety question" if outcome.safety == ANSWERED_YES
           else f"crisis language in a text ({_labels(risk)})")
    evidence = {"why": why, "message_sid": sms.message_sid, "at": utc_iso(now), "text": sms.body[:1600],
                "concepts": list(risk.concepts), "checkin_id": open_checkin.checkin_id if open_checkin else None}
    if question is not None and outcome.safety == ANSWERED_YES:  # what was asked about, for the provider
        evidence.update(_asked_about(question))
    ending = ProfileChange(checkin=REMOVE if open_checkin else None, safety_question=REMOVE if question else None,
                           finished=checkins.close(open_checkin, checkins.INTERRUPTED, now) if open_checkin else None)
    if question is not None and question.escalation_id:  # it had gone unanswered: that escalation hears it too
        ending = combine(ending, ProfileChange(add_evidence=((question.escalation_id, {
            "why": "the patient wrote after the hour: " + why, "message_sid": sms.message_sid, "at": utc_iso(now),
            "text": sms.body[:1600]}),)))
    if patient.checkins_paused_by:  # its crisis escalation is still open: one more piece of evidence
        return combine(ending, ProfileChange(add_evidence=((patient.checkins_paused_by, evidence),)))
    escalation = Escalation(secrets.token_hex(8), (CRISIS,), "urgent", "open", now, (evidence,), now)
    return combine(ending, ProfileChange(escalation=escalation, pause_checkins_for=escalation.escalation_id,
                                         jobs=(*email_jobs(patient, [escalation], now, base_url),
                                               overdue_check_job(patient, escalation))))


def safety_change(patient: Patient, sms: InboundSms, risk: Risk, outcome: Outcome,
                  base_url: str) -> tuple[str, ProfileChange]:
    """The reply and change of a warning text or an answer to the safety question (YES goes to crisis_change)."""
    now, question = sms.received_at, patient.safety_question
    if outcome.safety == ASK:
        return outcome.reply, ask(patient, safety.WARNING, outcome.language, risk.concepts, sms.body, now)
    evidence = {"message_sid": sms.message_sid, "at": utc_iso(now), "text": sms.body[:1600]}
    if outcome.safety == REASK and question is not None:
        change = ProfileChange(safety_question=question.with_words(sms.body))
        if question.escalation_id:  # unanswered already: what they write now goes to that escalation at once
            change = combine(change, ProfileChange(add_evidence=((question.escalation_id, {
                **evidence, "why": "the patient wrote after the hour, without answering YES or NO"}),)))
        return outcome.reply, change
    if outcome.safety == ANSWERED_NO and question is not None:
        change = combine(ProfileChange(safety_question=REMOVE, safety_no_at=now), text_escalation(
            patient, WARNING_SIGNS, {**evidence, **_asked_about(question),
                                     "why": f"answered NO to the safety question, {_asked(question)}"}, now, base_url))
        if question.escalation_id:  # it had gone unanswered: the urgent escalation hears the answer too
            change = combine(change, ProfileChange(add_evidence=((question.escalation_id, {
                **evidence, "why": "the patient answered NO after the hour"}),)))
        return _resumed(outcome.reply, patient), change
    if outcome.safety == IN_CRISIS and patient.checkins_paused_by:
        why = f"warning signs in a text while the crisis is open ({_labels(risk)})"
        return outcome.reply, ProfileChange(add_evidence=((patient.checkins_paused_by, {
            **evidence, "why": why, "concepts": list(risk.concepts)}),))
    why = f"warning signs in a text soon after answering NO ({_labels(risk)})"
    return outcome.reply, text_escalation(patient, WARNING_SIGNS, {**evidence, "why": why,
                                                                   "concepts": list(risk.concepts)}, now, base_url)


def ask(patient: Patient, trigger: str, language: str, concepts: tuple[str, ...], text: str,
        now: datetime) -> ProfileChange:
    """Open the safety question, with its timer: unanswered in 60 minutes, the care team is told at once."""
    question = safety.SafetyQuestion(secrets.token_hex(6), now, trigger, language, tuple(concepts), (text.strip()[:300],))
    timer = Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=JobKind.SAFETY_CHECK_TIMEOUT, to="",
                    send_at=now + safety.ANSWER_WITHIN, unique=f"sfq-{question.question_id}",
                    meta={"question_id": question.question_id})
    return ProfileChange(safety_question=question, jobs=(timer,))


def message_change(patient: Patient, sms: InboundSms, base_url: str) -> ProfileChange:
    """Free text reaches a person: on the patient page and in the inbox, never in an email."""
    evidence = {"why": "the patient sent a message", "message_sid": sms.message_sid, "at": utc_iso(sms.received_at),
                "text": sms.body[:1600]}
    return text_escalation(patient, PATIENT_MESSAGE, evidence, sms.received_at, base_url)


def _resumed(reply: str, patient: Patient) -> str:
    """After the answer an open check-in goes on: its question again, as a second text."""
    checkin = patient.open_checkin
    if checkin is None or checkin.current is None or patient.checkins_paused_by:
        return reply
    return reply + safety.REPLY_BREAK + checkins.question_text(checkin.current, patient.language)


def _asked_about(question: safety.SafetyQuestion) -> dict[str, Any]:
    return {"words": list(question.words), "concepts": list(question.concepts), "asked_at": utc_iso(question.asked_at),
            "trigger": question.trigger}


def _asked(question: safety.SafetyQuestion) -> str:
    if question.trigger == safety.LOW_MOOD:
        return "asked after a very low mood answer"
    return f"asked after warning signs ({_described(question.concepts) or 'in a text'})"


def _labels(risk: Risk) -> str:
    return _described(risk.concepts) or "matched"


def _described(concepts: tuple[str, ...]) -> str:
    from shared.domain.safety import describe  # the detector's words; dispatch loads them only when a timer fires

    return describe(concepts)


@dataclass
class SafetyService:
    """The safety question's timer: still unanswered after 60 minutes, an urgent escalation, emailed to the
    provider and the clinic's escalation address."""

    store: Patients
    public_base_url: str

    def unanswered(self, job: Job, patient: Patient, now: datetime) -> None:
        """A StatusMoved after the last read goes to dispatch, which runs the task again."""
        on_fresh_record(self.store, patient.patient_id, lambda current: self._escalate(job, current, now), patient)

    def _escalate(self, job: Job, patient: Patient | None, now: datetime) -> None:
        question = patient.safety_question if patient else None
        if patient is None or question is None or question.escalation_id \
                or question.question_id != (job.meta or {}).get("question_id"):
            return  # answered (or already escalated) meanwhile
        evidence = {"why": f"no answer to the safety question within 60 minutes, {_asked(question)}",
                    **_asked_about(question), "at": utc_iso(now)}
        escalation = Escalation(secrets.token_hex(8), (SAFETY_CHECK_UNANSWERED,), "urgent", "open", now,
                                (evidence,), now)
        change = ProfileChange(escalation=escalation,
                               safety_question=replace(question, escalation_id=escalation.escalation_id),
                               jobs=(*email_jobs(patient, [escalation], now, self.public_base_url),
                                     overdue_check_job(patient, escalation)))
        self.store.apply_change(patient, change, now)
        logger().warning("safety question unanswered", extra={"patient_id": patient.patient_id})
