from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest

from shared.adapters.dynamodb import DynamoStore
from shared.domain.jobs import CLAIM_LEASE, Channel, Job, JobStatus
from shared.services.ports import ClaimMiss, InboundSms, JobExists, StoreUnavailable
from tests.builders import a_patient

NINE_PM = datetime(2027, 11, 8, 2, 0, tzinfo=timezone.utc)


def job(unique="a", send_at=NINE_PM, patient="p1"):
    return Job.new(patient_id=patient, channel=Channel.SMS, kind="dose_reminder", to="+15551234567",
                   send_at=send_at, unique=unique, body="Tonight: LDN 2 mg")


def test_only_jobs_due_by_now_come_back_from_the_due_index(store):
    store.put_job(job("early", NINE_PM))
    store.put_job(job("late", NINE_PM + timedelta(minutes=1)))
    due = [d.job_id for d in store.due_jobs(NINE_PM)]
    assert due == [job("early").job_id]
    assert store.next_due_after(NINE_PM) == NINE_PM + timedelta(minutes=1)


def test_due_jobs_page_through_every_shard(store):
    for n in range(300):
        store.put_job(job(f"{n:04d}", patient=f"p{n % 7}"))
    assert len({d.job_id for d in store.due_jobs(NINE_PM)}) == 300


def test_a_job_id_cannot_be_written_twice(store):
    store.put_job(job())
    with pytest.raises(JobExists):
        store.put_job(job())


def test_two_dispatches_claiming_one_job_only_one_wins(store):
    store.put_job(job())
    due = next(store.due_jobs(NINE_PM))
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: store.claim(due, NINE_PM, NINE_PM + CLAIM_LEASE), range(8)))
    winners = [r for r in results if isinstance(r, Job)]
    assert len(winners) == 1 and winners[0].status is JobStatus.SENDING and winners[0].attempts == 1
    assert all(isinstance(r, ClaimMiss) and not r.stale_lease for r in results if not isinstance(r, Job))


def test_a_sent_job_leaves_the_due_index_and_keeps_its_sid(store):
    store.put_job(job())
    claimed = store.claim(next(store.due_jobs(NINE_PM)), NINE_PM, NINE_PM + CLAIM_LEASE)
    store.finish(claimed, JobStatus.SENT, NINE_PM, sid="SMabc")
    assert list(store.due_jobs(NINE_PM + timedelta(days=1))) == []
    stored = store.get_job("p1", claimed.job_id)
    assert (stored.status, stored.sid, stored.body) == (JobStatus.SENT, "SMabc", "Tonight: LDN 2 mg")


def test_a_lapsed_lease_is_reported_as_stale(store):
    store.put_job(job())
    store.claim(next(store.due_jobs(NINE_PM)), NINE_PM, NINE_PM + CLAIM_LEASE)
    lapsed = next(store.due_jobs(NINE_PM + CLAIM_LEASE))
    assert store.claim(lapsed, NINE_PM + CLAIM_LEASE, NINE_PM + 2 * CLAIM_LEASE) == ClaimMiss(stale_lease=True)


def test_retry_later_puts_the_job_back_at_its_new_time(store):
    store.put_job(job())
    claimed = store.claim(next(store.due_jobs(NINE_PM)), NINE_PM, NINE_PM + CLAIM_LEASE)
    store.retry_later(claimed, NINE_PM + timedelta(minutes=2), "20429")
    assert list(store.due_jobs(NINE_PM + timedelta(minutes=1))) == []
    again = store.claim(next(store.due_jobs(NINE_PM + timedelta(minutes=2))), NINE_PM, NINE_PM + CLAIM_LEASE)
    assert again.attempts == 2 and again.error_code == "20429"


def test_delivery_callbacks_never_move_a_job_backwards(store):
    store.put_job(job())
    claimed = store.claim(next(store.due_jobs(NINE_PM)), NINE_PM, NINE_PM + CLAIM_LEASE)
    assert store.record_delivery("p1", claimed.job_id, "SMx", "delivered", NINE_PM)
    assert not store.record_delivery("p1", claimed.job_id, "SMx", "sent", NINE_PM)  # arrived late
    assert not store.record_delivery("p1", "no-such-job", "SMx", "sent", NINE_PM)
    stored = store.get_job("p1", claimed.job_id)
    assert stored.delivery_status == "delivered" and stored.sid == "SMx"


def test_an_inbound_text_is_stored_once_per_message_sid_with_its_reply(store):
    store.enroll(a_patient("p1"), [])  # a text is stored for a patient who is there (not one erased meanwhile)
    sms = InboundSms("SM1", "+15551234567", "+15005550006", "7", NINE_PM)
    assert store.save_inbound(sms, a_patient("p1"), "Thanks", ["note"])
    assert not store.save_inbound(sms, a_patient("p1"), "Different", ["note"])
    assert store.reply_for("SM1") == "Thanks"
    from shared.adapters import keys

    log = store.messages_of(keys.patient_pk("p1"))
    assert [(m["body"], m["reply"], m["direction"]) for m in log] == [("7", "Thanks", "inbound")]


def test_an_unreachable_table_raises_store_unavailable(local_settings):
    from shared.wiring import aws_client

    gone = DynamoStore(aws_client(local_settings, "dynamodb"), "no-such-table", 4)
    with pytest.raises(StoreUnavailable):
        gone.put_job(job())


def test_a_callback_for_an_unconfirmed_job_proves_it_was_sent(store):
    store.put_job(job())
    claimed = store.claim(next(store.due_jobs(NINE_PM)), NINE_PM, NINE_PM + CLAIM_LEASE)
    store.finish(claimed, JobStatus.UNCONFIRMED, NINE_PM, error_code="ambiguous")
    assert store.record_delivery("p1", claimed.job_id, "SMlate", "delivered", NINE_PM, error="")
    stored = store.get_job("p1", claimed.job_id)
    assert (stored.status, stored.sid, stored.delivery_status) == (JobStatus.SENT, "SMlate", "delivered")
