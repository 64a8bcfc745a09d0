"""What the Twilio fault tests check after a run: every job ended, each sent text is one message at Twilio."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import requests

from shared.domain.jobs import Channel, Job, JobStatus

KEY = {"Authorization": "Bearer faults-key"}
FINAL = {JobStatus.SENT, JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.UNCONFIRMED, JobStatus.CANCELLED,
         JobStatus.DONE}
NEEDS_ATTENTION = {JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.UNCONFIRMED}


def reply(stack, phone: str, body: str) -> None:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": body}, timeout=30).json()
    assert answer["status"] == 200


def sends_by_job(stack) -> dict[tuple[str, str], list[dict]]:
    """Every message Twilio accepted through the REST API, by the job named in its status callback."""
    found: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with stack.network.lock:
        messages = [dict(m) for m in stack.network.messages]
    for message in messages:
        if message["direction"] == "outbound" and message["status_callback"]:
            query = parse_qs(urlsplit(message["status_callback"]).query)
            found[(query["patient"][0], query["job"][0])].append(message)
    return found


def check_every_job(stack, ids: list[str], settled_before: datetime,
                    sends: dict[tuple[str, str], list[dict]]) -> dict[str, list[Job]]:
    """Each job due before `settled_before` ended; a sent text is exactly one message at Twilio (this SID,
    number and text), one reported unsent has none, one needing attention is listed on the patient's record;
    nothing at Twilio that no job asked for. The patients' jobs, for the test's own counts."""
    jobs = {pid: stack.services.store.jobs_of(pid) for pid in ids}
    assert set(sends) <= {(pid, j.job_id) for pid, found in jobs.items() for j in found}
    for pid, found in jobs.items():
        attention = {j["id"] for j in requests.get(f"{stack.base_url}/api/patients/{pid}", headers=KEY,
                                                   timeout=30).json()["deliveries_needing_attention"]}
        for job in found:
            messages = sends.get((pid, job.job_id), [])
            assert len(messages) <= 1, (job, messages)          # never doubled
            if job.send_at <= settled_before:
                assert job.status in FINAL, job                 # never lost in the outbox
            if job.channel is Channel.SMS and job.status is JobStatus.SENT:
                assert [m["sid"] for m in messages] == [job.sid], job   # exactly one message, this one
                assert (messages[0]["to"], messages[0]["body"]) == (job.to, job.body), job
            if job.status in (JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.CANCELLED):
                assert messages == [], (job, messages)          # reported as not sent: and it was not
            if job.status in NEEDS_ATTENTION:
                assert job.job_id in attention, job             # visible on the patient's record
    return jobs


def statuses_of(jobs: dict[str, list[Job]]) -> Counter:
    return Counter(j.status.value for found in jobs.values() for j in found)
