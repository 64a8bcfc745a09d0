"""Dose reminders end to end: the API, the patient's YES, dispatch at each due minute, the real twilio client
against the local Twilio endpoint, DynamoDB on moto server."""
import threading
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.e2e.conftest import in_process_stack, move_clock
from local.moto_atomic import atomic_moto
from shared.domain.jobs import JobStatus, parse_utc

START = datetime(2027, 3, 4, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York, the day before the plans start
KEY = {"Authorization": "Bearer stack-key"}


@pytest.fixture(scope="module")
def stack():
    # Four dispatch runs race for the same jobs below: moto must apply each request atomically, as DynamoDB
    # does (stock moto checks a condition and writes with no lock between, so two claims could both win)
    running = in_process_stack(START, "stack-key")
    try:
        with atomic_moto(running.moto):
            yield running
    finally:
        running.stop()


def enroll(stack, phone, zone="America/New_York", dose_time="21:00", start="2027-03-05", **plan):
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": phone, "timezone": zone, "dose_time": dose_time,
            "provider_email": "provider@example.org", "start_dose_mg": 2.5, "step_mg": 0.5, "step_days": 4,
            "start_date": start, "consent": True, **plan}
    response = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def text(stack, e164, body):
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": e164, "body": body}, timeout=15).json()
    assert answer["status"] == 200
    return answer["reply"]


def move(stack, **body):
    return move_clock(stack, **body)["dispatch"]


def sent_to(stack, e164):
    return requests.get(f"{stack.base_url}/dev/messages?to={quote(e164)}", timeout=5).json()["messages"]


def dose_texts(stack, e164, zone):
    """Dose-time texts by local date: (local time, body)."""
    by_day = defaultdict(list)
    for message in sent_to(stack, e164):
        if "Tonight" in message["body"] or "tonight" in message["body"] or "taper is done" in message["body"]:
            at = parse_utc(message["created_at"]).astimezone(ZoneInfo(zone))
            by_day[at.date()].append((at.time(), message["body"]))
    return by_day


def test_a_20_day_plan_sends_one_reminder_a_day_at_the_local_minute_across_dst(stack):
    patients = {"+12125550161": ("America/New_York", "21:00"), "+16025550162": ("America/Phoenix", "21:00"),
                "+12125550163": ("America/New_York", "02:30")}
    for phone, (zone, at) in patients.items():
        enroll(stack, phone, zone, at)
    move(stack, advance_minutes=1)
    for phone in patients:
        assert text(stack, phone, "yes").startswith("Thanks Ana!")
    move(stack, now="2027-03-27T12:00:00Z")
    plan_days = [date(2027, 3, 5) + timedelta(days=n) for n in range(20)]
    for phone, (zone, at) in patients.items():
        by_day = dose_texts(stack, phone, zone)
        assert sorted(by_day) == plan_days + [date(2027, 3, 25)], phone
        assert all(len(texts) == 1 for texts in by_day.values()), phone  # never two on one day
        wanted = time.fromisoformat(at)
        for day, [(sent_at, _)] in by_day.items():
            skipped = zone == "America/New_York" and at == "02:30" and day == date(2027, 3, 14)
            assert sent_at == (time(3, 30) if skipped else wanted), (phone, day, sent_at)
    doses = {day: body for day, [(_, body)] in dose_texts(stack, "+12125550161", "America/New_York").items()}
    assert doses[date(2027, 3, 5)] == "Demo Clinic: Tonight: LDN 2.5 mg."
    assert doses[date(2027, 3, 8)] == "Demo Clinic: Tonight: LDN 2.5 mg. From tomorrow: 2 mg."
    assert doses[date(2027, 3, 9)] == "Demo Clinic: Starting tonight your LDN dose is 2 mg (was 2.5 mg)."
    assert doses[date(2027, 3, 24)] == "Demo Clinic: Tonight: LDN 0.5 mg. It is your last dose."
    assert doses[date(2027, 3, 25)].startswith("Demo Clinic: Your LDN taper is done.")


def test_stop_start_and_help_work_mid_plan_and_missed_reminders_are_not_sent(stack):
    phone = "+12125550171"
    enroll(stack, phone, start="2027-03-28")
    move(stack, advance_minutes=1)
    text(stack, phone, "YES")
    move(stack, now="2027-03-30T12:00:00Z")            # two reminders: Mar 28, Mar 29
    assert len(dose_texts(stack, phone, "America/New_York")) == 2
    assert "Msg freq varies" in text(stack, phone, "HELP")
    assert "START" in text(stack, phone, "stop")
    move(stack, now="2027-04-02T12:00:00Z")            # Mar 30, 31, Apr 1 missed while opted out
    assert len(dose_texts(stack, phone, "America/New_York")) == 2
    assert text(stack, phone, "how long is left?") == ""  # stored for the team, no reply while opted out
    assert "again" in text(stack, phone, "START")
    move(stack, now="2027-04-04T12:00:00Z")            # Apr 2 and Apr 3 only: the missed ones stay missed
    days = sorted(dose_texts(stack, phone, "America/New_York"))
    assert days == [date(2027, 3, 28), date(2027, 3, 29), date(2027, 4, 2), date(2027, 4, 3)]


def test_twilio_21610_opts_the_patient_out_and_cancels_their_jobs(stack):
    phone = "+12125550181"
    created = enroll(stack, phone, start="2027-04-05")
    move(stack, advance_minutes=1)
    text(stack, phone, "YES")
    stack.network.fail_next(400, 21610, to=phone)
    move(stack, now="2027-04-06T12:00:00Z")
    record = requests.get(f"{stack.base_url}/api/patients/{created['id']}", headers=KEY, timeout=5).json()
    assert record["status"] == "opted_out"
    jobs = stack.services.store.jobs_of(created["id"])
    # every text is cancelled; only the plan's end waits, to free the number when the plan is over
    assert [j.kind for j in jobs if j.status is JobStatus.PENDING] == ["plan_complete"]
    assert [j.error_code for j in jobs if j.status is JobStatus.FAILED] == ["21610"]


def test_invalid_number_errors_flag_the_patient_and_stop_their_texts(stack):
    phone = "+12125550182"
    created = enroll(stack, phone, start="2027-04-07")
    move(stack, advance_minutes=1)
    text(stack, phone, "YES")
    stack.network.fail_next(400, 21614, to=phone)
    move(stack, now="2027-04-08T12:00:00Z")
    patient = stack.services.store.get_patient(created["id"])
    assert patient.phone_problem == "21614"
    pending = [j.kind for j in stack.services.store.jobs_of(created["id"]) if j.status is JobStatus.PENDING]
    assert pending == ["plan_complete"]  # no text waits; the plan's end still frees the number


def test_twilio_429_500_and_timeouts_end_with_each_reminder_sent_once(stack):
    phones = ["+12125550191", "+12125550192", "+12125550193", "+12125550194"]
    for phone in phones:
        enroll(stack, phone, start="2027-04-10", start_dose_mg=1, step_mg=1, step_days=1)
    move(stack, advance_minutes=1)
    for phone in phones:
        text(stack, phone, "YES")
    stack.network.fail_next(429, 20429, times=2, to=phones[0])
    stack.network.fail_next(500, 20500, times=2, to=phones[1])
    stack.network.hang_next(seconds=1.0)              # accepted, but the answer comes after the client gave up
    stack.network.hang_next(seconds=1.0, keep=False)  # lost: Twilio never got it
    stack.services.sms.client.http_client.timeout = 0.3
    try:
        move(stack, now="2027-04-11T12:00:00Z")
    finally:
        stack.services.sms.client.http_client.timeout = 10.0
    for phone in phones:
        tonight = [m for m in sent_to(stack, phone) if "Tonight" in m["body"]]
        assert len(tonight) == 1, phone


def test_overlapping_dispatches_never_send_a_job_twice(stack):
    from functions.dispatch import handler as dispatch
    from local.scheduler import scheduled_event

    phones = [f"+1212555{n:04d}" for n in range(200, 230)]
    for phone in phones:
        enroll(stack, phone, start="2027-04-12", start_dose_mg=1, step_mg=1, step_days=1)
    move(stack, advance_minutes=1)
    for phone in phones:
        text(stack, phone, "YES")
    moment = datetime(2027, 4, 13, 1, 0, tzinfo=timezone.utc)  # 21:00 EDT on Apr 12
    stack.clock.move_to(moment)
    due = list(stack.services.store.due_jobs(moment))
    reports = []
    runners = [threading.Thread(target=lambda: reports.append(dispatch.handler(
        scheduled_event(moment, "us-east-1"), None, services=stack.services))) for _ in range(4)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join()
    # Each run fanned out (a worker per due shard, so up to four workers per shard at once): every due job was taken
    # by exactly one of those workers; the others skipped it
    assert sum(r["workers_started"] for r in reports) >= 4 and all(r["workers_not_started"] == 0 for r in reports)
    workers = stack.workers.settle()
    ended = ("sent", "expired", "cancelled", "failed", "unconfirmed", "done", "retried", "slid_past_quiet_hours")
    assert sum(workers[key] for key in ended) == len(due) >= len(phones)
    for phone in phones:
        assert len([m for m in sent_to(stack, phone) if "Tonight" in m["body"]]) == 1
