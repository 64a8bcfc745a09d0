"""The whole patient lifecycle as a hypothesis state machine (issue 14's model-based test).

Each step is something a clinic, a patient, Twilio or the clock does: enroll a random valid plan through the
API, a patient's text (YES, STOP, START, check-in answers, free text, crisis language, warning signs, answers to
the safety question, a Twilio retry of the last webhook), a provider's hold/resume/adjust/end and their
acknowledging or resolving escalations with notes, Twilio failures scripted for a phone's next sends, and the
clock moving forward with dispatch run as the one-minute schedule would (at every minute something is due on
the way, then at the new time) or, now and then, not at all until the new time (dispatch was down).

After every step the invariants of tests/model/checks.py are checked against everything the step did.
Subclasses say which store (`make_world`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from shared.domain.jobs import utc_iso
from shared.services.ports import InboundSms
from tests.model import checks
from tests.model.checks import Facts
from tests.model.world import SERVICE_NUMBER, TIMEOUT_KEPT, TWILIO_FAILURES, FailureSeen, SendSeen, World

START = datetime(2027, 6, 7, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York; no DST change for months
PHONES = ("+12125550101", "+13125550102", "+14155550103")
UNKNOWN_PHONE = "+16465550199"                              # never enrolled
ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Kolkata")
# Quiet hours a clinic may set: they must cover 21:00-08:00 (start 12:00-21:00, end 08:00-12:00).
QUIET_HOURS = ((time(21, 0), time(8, 0)), (time(20, 0), time(9, 0)), (time(21, 0), time(12, 0)),
               (time(12, 0), time(8, 0)), (time(19, 30), time(8, 30)))

YES_TEXTS = ("YES", "yes", "Yes!", "ok yes", "Y")
STOP_TEXTS = ("STOP", "stop", "Unsubscribe", "STOP.")
START_TEXTS = ("START", "start", "UNSTOP")
ANSWERS = ("0", "2", "5", "7", "10", "7/10", "a 7", "seven", "none", "mild", "severe", "6-7", "3 7 0", "1", "0 1 0",
           "2 8 1", "very low")
FREE_TEXTS = ("I have a question about my dose", "Feeling ok today, a bit tired", "CALL", "HELP",
              "can I take it in the morning instead?", "my head is killing me", "", "thanks")
CRISIS_TEXTS = ("I want to kill myself", "I am going to end my life tonight", "quiero matarme", "i want to die")
WARNING_TEXTS = ("Everyone would be better off without me", "I feel like such a burden to everyone",
                 "I cant go on like this", "I dont see the point anymore", "theres no reason to keep going")
SAFETY_ANSWERS = ("YES", "NO", "no", "nope", "yes")
NOTES = ("Called the patient; safe, plan in place.", "Reviewed, no change.", "", "Spoke with family; ER visit.")
FAILURES = tuple(TWILIO_FAILURES) + (TIMEOUT_KEPT,)
# A valid plan; the check-in time (a fraction of the day outside quiet hours) and the start (days from today in
# the patient's zone) are placed when the clinic's quiet hours and the clock are known.
PLANS = st.fixed_dictionaries({
    "timezone": st.sampled_from(ZONES),
    "start_dose_mg": (st.integers(2, 8) | st.integers(2, 24)).map(lambda n: n * 0.25),  # short tapers more often
    "step_mg": st.sampled_from((0.25, 0.5, 1, 1.5, 3)), "step_days": st.integers(1, 5),
    "dose_time": st.integers(0, 24 * 4 - 1).map(lambda n: _hhmm(n * 15)),
    "checkin_time": st.floats(0, 1, exclude_max=True), "start_date": st.integers(0, 3),
    "follow_up_days": st.lists(st.sampled_from((1, 2, 3, 5, 7)), min_size=1, max_size=3, unique=True)})
CONSENTS = st.sampled_from((True, True, True, False))
PATIENT_TEXTS = st.one_of(*(st.sampled_from(texts) for texts in (
    YES_TEXTS, STOP_TEXTS, START_TEXTS, ANSWERS, ANSWERS, FREE_TEXTS, CRISIS_TEXTS, WARNING_TEXTS)))
STEP_MINUTES = (360, 600, 720, 1440, 2880, 4320)
DISPATCH_DOWN = st.sampled_from((False,) * 7 + (True,))  # now and then dispatch is down until the new time


@dataclass(frozen=True)
class TextSeen:
    """One text a phone sent and the reply it got."""

    at: datetime
    phone: str
    patient_id: str | None
    sid: str
    body: str
    reply: str
    crisis: bool      # crisis language, or a YES to an open safety question: 988 and an urgent escalation


class Lifecycle(RuleBasedStateMachine):
    """Patients, their texts, their providers, Twilio and the clock, against one clinic's service."""

    def make_world(self, now: datetime, quiet: tuple[time, time], hold_on_escalation: bool) -> World:
        raise NotImplementedError

    def __init__(self):
        super().__init__()
        self.world: World | None = None
        self.now = START
        self.facts: dict[str, Facts] = {}           # patient id -> what the test knows of them
        self.order: list[str] = []                  # patient ids in enrollment order
        self.holder: dict[str, str] = {}            # phone -> the patient id texts from it reach
        self.safety_asked: dict[str, datetime] = {}  # patient id -> when the open safety question was asked
        self.texts: list[TextSeen] = []
        self.last_sms: tuple[InboundSms, str] | None = None
        self.seen_events = 0
        self.sends: list[SendSeen] = []
        self.dispatch_errors = 0
        self.last_run: datetime | None = None       # when the last dispatch ran, if this step ran it
        self.sids = 0

    # set-up and tear-down

    @initialize(quiet=st.sampled_from(QUIET_HOURS), hold=st.booleans(), phone=st.sampled_from(PHONES), plan=PLANS,
                consents=CONSENTS)
    def open_clinic_and_enroll(self, quiet, hold, phone, plan, consents):
        """Every run starts with the clinic and one patient enrolled."""
        self.world = self.make_world(self.now, quiet, hold)
        self.enroll(phone, plan, consents)

    def teardown(self):
        if self.world is not None:
            for undo in self.world.cleanup:
                undo()

    # the clinic

    @rule(phone=st.sampled_from(PHONES), plan=PLANS, consents=CONSENTS)
    def enroll(self, phone, plan, consents):
        """A clinic enrolls a patient through the API (409 when the number is in an ongoing plan); most answer
        YES at once."""
        zone = plan["timezone"]
        today = self.now.astimezone(ZoneInfo(zone)).date()
        body = {**plan, "first_name": "Robin", "last_name": f"Model{len(self.order)}", "phone": phone,
                "provider_email": "provider@model.example", "consent": True,
                "checkin_time": self._checkin_time(plan["checkin_time"]),
                "start_date": (today + timedelta(days=plan["start_date"])).isoformat()}
        response = self.world.api("POST", "/api/patients", body)
        assert response.status_code in (201, 409), (response.status_code, response.get_json())
        if response.status_code == 201:
            patient_id = response.get_json()["id"]
            self.facts[patient_id] = Facts(patient_id, phone, zone)
            self.order.append(patient_id)
            self.holder[phone] = patient_id
            if consents:
                self._text(phone, "YES")

    def _checkin_time(self, fraction: float) -> str:
        """A check-in time outside the clinic's quiet hours (the API refuses any other)."""
        end = self.world.quiet_end.hour * 60 + self.world.quiet_end.minute
        start = self.world.quiet_start.hour * 60 + self.world.quiet_start.minute
        return _hhmm(end + int(fraction * (start - end)) // 15 * 15)

    @precondition(lambda self: self.order)
    @rule(which=st.integers(0, 5), action=st.sampled_from(("hold", "resume", "adjust", "end")),
          dose=st.none() | st.integers(2, 24), step_mg=st.none() | st.sampled_from((0.25, 0.5, 1)),
          step_days=st.none() | st.integers(1, 5))
    def provider_acts(self, which, action, dose, step_mg, step_days):
        patient_id = self.order[which % len(self.order)]
        body = None
        if action == "adjust":
            body = {k: v for k, v in (("dose_mg", dose and dose * 0.25), ("step_mg", step_mg),
                                      ("step_days", step_days)) if v is not None}
        before = self._generations(patient_id)
        response = self.world.api("POST", f"/api/patients/{patient_id}/{action}", body)
        assert response.status_code in (200, 409), (action, response.status_code, response.get_json())
        if response.status_code == 200:  # the plan was rewritten: every job planned before is of an old plan
            self.facts[patient_id].retired |= before

    @precondition(lambda self: self.order)
    @rule(which=st.integers(0, 20), resolve=st.booleans(), note=st.sampled_from(NOTES))
    def provider_handles_escalation(self, which, resolve, note):
        listed = self.world.api("GET", "/api/escalations").get_json()["escalations"]
        if not listed:
            return
        # in an order that does not depend on random ids, so a failing run replays the same
        rank = {patient_id: n for n, patient_id in enumerate(self.order)}
        listed.sort(key=lambda e: (rank[e["patient_id"]], e["created_at"], e["reasons"], e["status"]))
        escalation = listed[which % len(listed)]
        if resolve:
            response = self.world.api("POST", f"/api/escalations/{escalation['id']}/resolve", {"note": note})
        else:
            response = self.world.api("POST", f"/api/escalations/{escalation['id']}/acknowledge")
        assert response.status_code == 200, (response.status_code, response.get_json())
        assert response.get_json()["status"] == ("resolved" if resolve else
                                                  "resolved" if escalation["status"] == "resolved" else "acknowledged")

    # the patient's phone

    @precondition(lambda self: self.order)
    @rule(which=st.integers(0, 5), body=PATIENT_TEXTS)
    def patient_texts(self, which, body):
        patient_id = self.order[which % len(self.order)]
        reply = self._text(self.facts[patient_id].phone, body)
        if body in WARNING_TEXTS:
            assert "988" in reply, f"warning-sign text {body!r} answered without 988: {reply!r}"

    @rule(body=st.sampled_from(CRISIS_TEXTS + WARNING_TEXTS + FREE_TEXTS))
    def stranger_texts(self, body):
        reply = self._text(UNKNOWN_PHONE, body)
        if body in CRISIS_TEXTS + WARNING_TEXTS:
            assert "988" in reply, f"safety text {body!r} from an unknown number answered without 988: {reply!r}"

    @precondition(lambda self: self.safety_asked)
    @rule(which=st.integers(0, 5), body=st.sampled_from(SAFETY_ANSWERS))
    def answer_safety_question(self, which, body):
        asked = [pid for pid in self.order if pid in self.safety_asked]
        patient_id = asked[which % len(asked)]
        self._text(self.facts[patient_id].phone, body)

    @precondition(lambda self: self.last_sms is not None)
    @rule()
    def twilio_retries_last_webhook(self):
        """Twilio posts the same text again (same MessageSid): the same reply, and nothing done twice."""
        sms, reply = self.last_sms
        patient_id = self.holder.get(sms.from_number)
        before = self._record_of(patient_id)
        result = self.world.services.inbound.handle(sms)
        assert result.reply == reply, f"a retried webhook got {result.reply!r}, the first {reply!r}"
        assert self._record_of(patient_id) == before, f"a retried webhook ({sms.body!r}) changed the record"

    def _record_of(self, patient_id: str | None) -> tuple:
        """What a text can change: the profile's version, the jobs, the escalations and their evidence."""
        if patient_id is None:
            return ()
        store = self.world.store
        return (store.get_patient(patient_id).version, sorted(job.job_id for job in store.jobs_of(patient_id)),
                sorted((e.escalation_id, len(e.evidence)) for e in store.escalations_of(patient_id)))

    def _text(self, phone: str, body: str) -> str:
        patient_id = self.holder.get(phone)
        safety_open = patient_id in self.safety_asked and self.now < self.safety_asked[patient_id] + timedelta(hours=24)
        answer = body.strip().lower().rstrip("!.")
        crisis = body in CRISIS_TEXTS or (safety_open and answer in ("yes", "y", "ok yes"))
        restarts = patient_id is not None and body in START_TEXTS + YES_TEXTS
        before = self._generations(patient_id) if restarts else set()
        live = self.world.store.get_patient(patient_id).plan_generation if restarts else ""
        self.sids += 1
        sms = InboundSms(f"SM{self.sids:032d}", phone, SERVICE_NUMBER, body, self.now)
        reply = self.world.services.inbound.handle(sms).reply
        if restarts and self.world.store.get_patient(patient_id).plan_generation != live:
            self.facts[patient_id].retired |= before  # START (or YES) planned the rest again
        self.last_sms = (sms, reply)
        self.texts.append(TextSeen(self.now, phone, patient_id, sms.message_sid, body, reply, crisis))
        if patient_id is None:
            return reply
        facts = self.facts[patient_id]
        if body in YES_TEXTS:
            facts.said_yes = True
        if body in STOP_TEXTS:
            facts.opted_out = True
        elif body in START_TEXTS:
            facts.opted_out = False
        # the safety question, as the replies show it: asked (or asked again) until answered or crisis
        if crisis or (safety_open and answer in ("no", "nope")):
            self.safety_asked.pop(patient_id, None)
        elif "reply yes or no" in reply.lower():
            self.safety_asked[patient_id] = self.safety_asked[patient_id] if safety_open else self.now
        return reply

    # Twilio

    @rule(phone=st.sampled_from(PHONES), failures=st.lists(st.sampled_from(FAILURES), min_size=1, max_size=3))
    def twilio_fails_next_sends(self, phone, failures):
        self.world.sms.script.setdefault(phone, []).extend(failures)

    # the clock and dispatch

    @rule(minutes=st.integers(1, 180), dispatch_down=DISPATCH_DOWN)
    def minutes_pass(self, minutes, dispatch_down):
        self._advance(minutes, dispatch_down)

    @rule(minutes=st.sampled_from(STEP_MINUTES) | st.integers(181, 4 * 1440), dispatch_down=DISPATCH_DOWN)
    def hours_pass(self, minutes, dispatch_down):
        self._advance(minutes, dispatch_down)

    def _advance(self, minutes: int, dispatch_down: bool) -> None:
        for moment, report in self.world.move_clock(self.now + timedelta(minutes=minutes), dispatch_down):
            self.dispatch_errors += report.get("errors", 0)
            self.last_run = moment
        self.now = self.world.clock.now()

    def _generations(self, patient_id: str) -> set[str]:
        return {(job.meta or {}).get("generation") for job in self.world.store.jobs_of(patient_id)} - {None}

    # the invariants

    @invariant()
    def every_promise_kept(self):
        if self.world is None:
            return
        store = self.world.store
        ran = self.last_run is not None  # this step ran dispatch
        patients = {patient_id: store.get_patient(patient_id) for patient_id in self.order}
        jobs = {patient_id: store.jobs_of(patient_id) for patient_id, patient in patients.items()
                if ran or patient.status.value == "active"}
        found = self._new_events() + self._crisis_answered()
        if ran:
            due = {d.job_id: d.due_at for d in store.due_jobs(self.now + timedelta(days=3650))}
            for patient_id in self.order:
                sends = [s for s in self.sends if s.patient_id == patient_id]
                found += checks.job_violations(jobs[patient_id], due, utc_iso(self.last_run), sends)
            if self.dispatch_errors:
                found.append(f"dispatch counted {self.dispatch_errors} errors (a job left claimed)")
        for patient_id, patient in patients.items():
            if patient_id in jobs:
                found += checks.plan_end_violations(patient, jobs[patient_id])
            if patient.status.value == "completed":
                self.facts[patient_id].completed = True
        self.last_run, self.dispatch_errors = None, 0
        assert not found, "\n".join(found)

    def _new_events(self) -> list[str]:
        """Each text dispatch handed to Twilio, judged with what was known at that moment; Twilio's refusals
        change what is known (21610: the patient unsubscribed; 21211: no such number)."""
        found = []
        events = self.world.sms.events[self.seen_events:]
        self.seen_events += len(events)
        for event in events:
            facts = self.facts.get(event.patient_id)
            if facts is None:
                found.append(f"a text to a patient the test never enrolled: {event}")
                continue
            if isinstance(event, FailureSeen):
                if event.code == "21610":
                    facts.opted_out = True
                elif event.code == "21211":
                    facts.bad_number = True
                continue
            self.sends.append(event)
            found += checks.send_violations(event, facts, (self.world.quiet_start, self.world.quiet_end))
        return found

    def _crisis_answered(self) -> list[str]:
        found = []
        escalations: dict[str, list] = {}
        for text in self.texts:
            if not text.crisis:
                continue
            if text.patient_id and text.patient_id not in escalations:
                escalations[text.patient_id] = self.world.store.escalations_of(text.patient_id)
            found += checks.crisis_violations(text, escalations.get(text.patient_id, []))
        return found


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
