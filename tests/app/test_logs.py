"""Logs are one JSON line per event, tagged with a request or job id, and never carry a phone, a body or a secret."""
import json
import logging
from datetime import datetime, timezone

import pytest
from twilio.request_validator import RequestValidator

from functions.dispatch import handler as dispatch
from functions.web.app import create_app
from shared.config import Settings
from shared.domain.jobs import Channel, Job
from shared.log import logger, mask_phone
from shared.wiring import build_services
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, FixedClock, MemoryStore

PHONE, BODY, TOKEN = "+15551234567", "I slept badly and my dreams were vivid", "very-secret-token"
NOW = datetime(2027, 4, 1, 22, 0, tzinfo=timezone.utc)


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def lines():
    collect = Collect()
    collect.setFormatter(logger().registered_formatter)
    underlying = logging.getLogger(logger().name)
    underlying.addHandler(collect)
    yield collect.lines
    underlying.removeHandler(collect)


def test_logs_are_json_with_ids_and_no_phone_body_or_secret(lines):
    settings = Settings(public_base_url="https://t.example", twilio_account_sid="AC" + "4" * 32,
                        twilio_from_number="+15005550006")
    store, sms = MemoryStore(), FakeSms()
    store.add_patient(a_patient("p1", phone=PHONE))
    services = build_services(settings, clock=FixedClock(NOW), store=store, sms=sms, mail=FakeMail(),
                              twilio_auth_token=TOKEN)
    form = {"From": PHONE, "To": "+15005550006", "Body": BODY, "MessageSid": "SMlog",
            "AccountSid": settings.twilio_account_sid}
    signature = RequestValidator(TOKEN).compute_signature("https://t.example/sms/inbound", form)
    client = create_app(services).test_client()
    assert client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": signature}).status_code == 200
    store.put_job(Job.new(patient_id="p1", channel=Channel.SMS, kind="dose_reminder", to=PHONE, send_at=NOW,
                          unique="log", body=BODY))
    dispatch.handler({"time": "2027-04-01T22:00:00Z", "id": "evt-1"}, None, services=services)
    assert sms.sent

    records = [json.loads(line) for line in lines]
    inbound = next(r for r in records if r["message"] == "inbound stored")
    sent = next(r for r in records if r["message"] == "job sent")
    assert inbound["request_id"] and inbound["from"] == mask_phone(PHONE)
    assert sent["job_id"] and sent["invocation"] == "evt-1"
    everything = "\n".join(lines)
    assert PHONE not in everything and BODY not in everything and TOKEN not in everything


def test_mask_phone_keeps_only_the_last_two_digits():
    assert mask_phone("+15551234567") == "+1********67"
    assert mask_phone("+44") == "***"
