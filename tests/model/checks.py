"""The lifecycle's invariants as plain functions over what the test saw: each returns the violations it finds, in
words. They are written from the product's promises (README and issue 14), not from the code that keeps them:
quiet hours are computed here, the exempt kinds and the final states are named here.

Quiet hours, as the product really has them: every text dispatch sends waits them out except the dose-time texts
(the nightly dose reminder and the "taper is done" text on the stop date, sent at the patient's own chosen
time); replies to a patient's own texts are answered at once at any hour, whatever they say (a crisis or safety
reply, but also a check-in's next question or HELP). So the rule checked is on dispatched texts only.

Besides the issue's six, a few the same records show: nothing but the welcome and its reminder before the
patient's YES; no text to a number Twilio refused; no job of a plan the test saw rewritten (kept apart from the
stored live generation, so a rewrite that never switched it is caught too); each text reaches Twilio once and
is recorded sent with its SID; and every active plan has its end ahead.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from tests.model.world import SendSeen

QUIET_HOURS_EXEMPT = {"dose_reminder", "taper_done"}
DOSE_TIME_KINDS = {"dose_reminder", "taper_done"}
BEFORE_CONSENT = {"welcome", "consent_reminder"}
FINAL = {"sent", "failed", "expired", "cancelled", "done", "unconfirmed"}
URGENT_CRISIS = "crisis"


@dataclass
class Facts:
    """What the test itself knows of one patient, from what it did and saw (never from the service's rules)."""

    patient_id: str
    phone: str
    zone: str
    said_yes: bool = False          # texted a yes at least once
    opted_out: bool = False         # last word: STOP (texted, or Twilio 21610), no START since
    completed: bool = False         # the service said `completed` at some step: the plan is over for good
    bad_number: bool = False        # Twilio said the number cannot take texts (21211)
    retired: set = field(default_factory=set)  # plan generations replaced by a rewrite the test saw succeed
    dose_days: Counter = field(default_factory=Counter)


def in_quiet_hours(moment: datetime, zone: str, start: time, end: time) -> bool:
    local = moment.astimezone(ZoneInfo(zone)).time()
    return start <= local < end if start <= end else (local >= start or local < end)


def plan_day(send: SendSeen, zone: str) -> date:
    """The day a dose-time text is for: the local date of the moment it was planned for (a retry may be later)."""
    return send.job.send_at.astimezone(ZoneInfo(zone)).date()


def send_violations(send: SendSeen, facts: Facts, quiet: tuple[time, time]) -> list[str]:
    """Everything wrong with one text dispatch handed to Twilio, given what was known when it went (a dose-time
    text is counted in `facts.dose_days`: judge each send once, in order)."""
    job = send.job
    kind = job.kind if job else "?"
    what = f"{kind} to {facts.phone} at {send.at:%Y-%m-%d %H:%M}Z ({send.body[:50]!r})"
    found = []
    if job is None:
        found.append(f"a text with no job in the outbox: {what}")
        return found
    if facts.opted_out:
        found.append(f"texted after the patient's STOP: {what}")
    if facts.completed:
        found.append(f"texted after the plan was completed: {what}")
    if send.status is not None and send.status.value in ("opted_out", "completed"):
        found.append(f"texted while the stored status was {send.status.value}: {what}")
    if facts.bad_number:
        found.append(f"texted a number Twilio said cannot take texts: {what}")
    if not facts.said_yes and kind not in BEFORE_CONSENT:
        found.append(f"texted before the patient ever said YES: {what}")
    if kind not in QUIET_HOURS_EXEMPT and in_quiet_hours(send.at, facts.zone, *quiet):
        local = send.at.astimezone(ZoneInfo(facts.zone))
        quiet_hours = f"{quiet[0]:%H:%M}-{quiet[1]:%H:%M}"
        found.append(f"texted inside quiet hours ({local:%H:%M} local, quiet {quiet_hours}): {what}")
    generation = (job.meta or {}).get("generation")
    if generation and generation != send.plan_generation:
        found.append(f"a job of plan generation {generation} sent while {send.plan_generation} was live: {what}")
    if generation in facts.retired:
        found.append(f"a job of plan generation {generation}, replaced by a plan rewrite, was sent: {what}")
    if kind in DOSE_TIME_KINDS:
        day = plan_day(send, facts.zone)
        facts.dose_days[day] += 1
        if facts.dose_days[day] > 1:
            found.append(f"{facts.dose_days[day]} dose-time texts for plan day {day}: {what}")
    return found


def crisis_violations(text, escalations: list) -> list[str]:
    """A crisis text (or a YES to the open safety question) is answered with 988 and its text is evidence of an
    urgent crisis escalation of that patient."""
    found = []
    if "988" not in text.reply:
        found.append(f"crisis text {text.body!r} at {text.at:%Y-%m-%d %H:%M}Z answered without 988: {text.reply!r}")
    if text.patient_id is None:
        return found  # a number we do not know: 988, and nobody to escalate to
    escalated = any(e.severity == "urgent" and URGENT_CRISIS in e.reasons
                    and any(ev.get("message_sid") == text.sid for ev in e.evidence) for e in escalations)
    if not escalated:
        found.append(f"crisis text {text.body!r} ({text.sid}) at {text.at:%Y-%m-%d %H:%M}Z is in no urgent crisis "
                     f"escalation: {[(e.reasons, e.severity, e.status) for e in escalations]}")
    return found


def job_violations(jobs: list, due: dict[str, str], last_run: str, sends: list[SendSeen]) -> list[str]:
    """After a dispatch step: every job ended or waits in the due index for a moment not yet run; nothing is left
    claimed; and every text Twilio got is its job's one send, recorded as sent with its SID (or still settling)."""
    found = []
    by_id = {job.job_id: job for job in jobs}
    for job in jobs:
        status = job.status.value
        where = f"{job.kind} job {job.job_id} (send at {job.send_at:%Y-%m-%d %H:%M}Z)"
        if status == "pending":
            if job.job_id not in due:
                found.append(f"{where} is pending but not in the due index")
            elif due[job.job_id] < last_run:
                found.append(f"{where} is pending, due {due[job.job_id]}, but the last dispatch ran at {last_run}")
        elif status not in FINAL:
            found.append(f"{where} is still {status} after a dispatch run")
    for job_id, count in Counter(s.job.job_id for s in sends if s.job).items():
        if count > 1:
            found.append(f"job {job_id} reached Twilio {count} times")
    for send in sends:
        job = by_id.get(send.job.job_id) if send.job else None
        if job is None:
            continue
        settled = job.status.value == "sent" and job.sid == send.sid
        settling = (job.status.value == "unconfirmed"
                    or (job.status.value == "pending" and job.error_code == "ambiguous"))
        if not settled and not settling:
            found.append(f"{job.kind} job {job.job_id} reached Twilio as {send.sid} but is {job.status.value} "
                         f"with sid {job.sid!r}")
    return found


def plan_end_violations(patient, jobs: list) -> list[str]:
    """An active patient's plan has its end ahead: the live plan's completion task is waiting (for a held plan,
    the task that plans the hold further), so the patient becomes `completed` and the number is freed."""
    if patient.status.value != "active":
        return []
    ends = [job for job in jobs if job.kind in ("plan_complete", "hold_extend")
            and (job.meta or {}).get("generation") == patient.plan_generation]
    if any(job.status.value == "pending" for job in ends):
        return []
    seen = [(j.kind, j.status.value, j.error_code, f"{j.send_at:%Y-%m-%d %H:%M}Z") for j in ends]
    return [(f"active patient {patient.patient_id} (plan {patient.plan.steps[0].start_date} to "
             f"{patient.plan.stop_date}, held since {patient.held_since or '-'}) has no end ahead: the live plan's "
             f"end jobs are {seen}")]
