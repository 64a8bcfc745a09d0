"""SES is down for an hour while escalations open: every escalation email goes out after it, once.

The local stack as `make dev` runs it; the recording mail sender in front of SES (moto) refuses every send
until the simulated clock passes the end of the outage. Patients text crisis language during the outage
(urgent escalations: the provider and the clinic's escalation address are emailed at once, and again to
the admins if nobody acknowledges within the hour).
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
import requests

from shared.domain.jobs import Channel, JobStatus, utc_iso
from tests.e2e.conftest import in_process_stack, move_clock
from local.moto_atomic import atomic_moto

START = datetime(2027, 8, 2, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
KEY = {"Authorization": "Bearer ses-key"}
PATIENTS = 6


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "ses-key")
    try:
        with atomic_moto(running.moto):
            yield running
    finally:
        running.stop()


def phone(n: int) -> str:
    return f"+1718555{n:04d}"


def test_escalation_emails_refused_for_an_hour_all_go_out_after_once_each(stack):
    ids = []
    for n in range(PATIENTS):
        body = {"first_name": "Sam", "last_name": f"Outage{n}", "phone": phone(n), "timezone": "America/New_York",
                "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}
        response = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=30)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    move_clock(stack, advance_minutes=1)
    for n in range(PATIENTS):
        requests.post(stack.base_url + "/dev/phone", json={"from": phone(n), "body": "YES"}, timeout=30)
    # Given SES is down for the next hour
    outage_end = stack.clock.now() + timedelta(hours=1)
    stack.mail.down_until(outage_end)
    sent_before = len(stack.mail.sent)
    # When patients text crisis language through the hour, and dispatch runs at every due minute
    for n in range(PATIENTS):
        reply = requests.post(stack.base_url + "/dev/phone", json={"from": phone(n), "body": "I want to die"},
                              timeout=30).json()["reply"]
        assert "988" in reply
        move_clock(stack, advance_minutes=9)
    move_clock(stack, now=utc_iso(outage_end + timedelta(hours=2)))

    # Then SES refused sends during the hour, and nothing went out before it ended
    refused = stack.mail.refused
    assert refused and all(r["at"] < utc_iso(outage_end) for r in refused)
    after = stack.mail.sent[sent_before:]
    assert after and all(e["sent_at"] >= utc_iso(outage_end) for e in after)
    # And every escalation email job was sent, exactly once each (one email per job, none failed)
    email_jobs = [j for pid in ids for j in stack.services.store.jobs_of(pid) if j.channel is Channel.EMAIL]
    assert email_jobs and {j.status for j in email_jobs} == {JobStatus.SENT}, [(j.kind, j.status) for j in email_jobs]
    per_message = Counter((e["to"], e["subject"], e["text"]) for e in after)
    assert all(count == 1 for count in per_message.values()), per_message
    assert len(after) == len(email_jobs)
    for n in range(PATIENTS):   # each patient's urgent email reached the provider once
        urgent = [e for e in after if e["to"] == "provider@example.org" and e["subject"].startswith("Urgent")
                  and "Sam O." in e["text"] and f"/patients/{ids[n]}" in e["text"]]
        assert len(urgent) == 1, n
