from datetime import datetime, timezone

from shared.domain.history import messages
from shared.domain.jobs import Channel, Job, JobStatus

AT = "2027-05-03T14:02:00Z"


def test_texts_within_one_second_keep_the_order_they_were_stored_in():
    log = [{"at": AT, "seq": 30, "body": "mild", "reply": "Thank you"},
           {"at": AT, "seq": 10, "body": "4", "reply": "2/3: mood?"},
           {"at": AT, "seq": 20, "body": "7", "reply": "3/3: withdrawal?"}]
    sent = Job.new(patient_id="p", channel=Channel.SMS, kind="checkin", to="+1", unique="x", body="1/3: symptoms?",
                   send_at=datetime(2027, 5, 3, 14, 2, tzinfo=timezone.utc))
    sent = Job(**{**sent.__dict__, "status": JobStatus.SENT, "finished_at": sent.send_at, "finished_seq": 5})
    assert [m.body for m in messages(log, [sent])] == [
        "1/3: symptoms?", "4", "2/3: mood?", "7", "3/3: withdrawal?", "mild", "Thank you"]
