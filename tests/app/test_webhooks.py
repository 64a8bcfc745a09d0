from datetime import datetime, timezone
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from functions.web.app import create_app
from shared.config import Settings
from shared.domain.jobs import Channel, Job
from shared.wiring import build_services
from tests.fakes import FakeMail, FakeSms, FixedClock, MemoryStore

ACCOUNT, TOKEN = "AC" + "3" * 32, "webhook-token"
PUBLIC = "https://taper.example"
NOW = datetime(2027, 2, 1, 23, 0, tzinfo=timezone.utc)


@pytest.fixture
def world():
    settings = Settings(mode="aws", public_base_url=PUBLIC, twilio_account_sid=ACCOUNT, twilio_from_number="+15005550006")
    store = MemoryStore()
    services = build_services(settings, clock=FixedClock(NOW), store=store, sms=FakeSms(), mail=FakeMail(),
                              twilio_auth_token=TOKEN)
    return create_app(services).test_client(), store


def signed(path, form, token=TOKEN):
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(PUBLIC + path, form)}


def inbound_form(body, sid="SM1", account=ACCOUNT):
    return {"From": "+15551234567", "To": "+15005550006", "Body": body, "MessageSid": sid, "AccountSid": account,
            "NumMedia": "0"}


def test_help_is_answered_with_twiml(world):
    client, store = world
    form = inbound_form("HELP")
    response = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert response.status_code == 200 and response.mimetype == "application/xml"
    assert "LDN taper texts. Msg freq varies" in response.get_data(as_text=True)
    assert len(store.messages) == 1


@pytest.mark.parametrize("headers", [{}, {"X-Twilio-Signature": "forged"}])
def test_unsigned_or_forged_webhook_is_refused_and_changes_nothing(world, headers):
    client, store = world
    response = client.post("/sms/inbound", data=inbound_form("HELP"), headers=headers)
    assert response.status_code == 403 and store.messages == []


def test_webhook_signed_with_another_token_is_refused(world):
    client, store = world
    form = inbound_form("HELP")
    response = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form, token="other"))
    assert response.status_code == 403 and store.messages == []


def test_webhook_from_another_account_is_refused_even_when_signed(world):
    client, store = world
    form = inbound_form("HELP", account="AC" + "9" * 32)
    response = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert response.status_code == 403 and store.messages == []


def test_a_tampered_body_breaks_the_signature(world):
    client, store = world
    form = inbound_form("HELP")
    headers = signed("/sms/inbound", form)
    response = client.post("/sms/inbound", data={**form, "Body": "STOP"}, headers=headers)
    assert response.status_code == 403 and store.messages == []


def test_a_retried_webhook_gets_the_same_reply_and_is_stored_once(world):
    client, store = world
    form = inbound_form("HELP", sid="SMretry")
    first = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    again = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert first.get_data() == again.get_data() and again.status_code == 200
    assert len(store.messages) == 1


def test_inbound_without_message_sid_is_a_clear_400(world):
    client, _ = world
    form = {k: v for k, v in inbound_form("HELP").items() if k != "MessageSid"}
    response = client.post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert response.status_code == 400 and "MessageSid" in response.get_json()["message"]


def test_status_callback_records_delivery_on_the_named_job(world):
    client, store = world
    job = Job.new(patient_id="p1", channel=Channel.SMS, kind="welcome", to="+15551234567", send_at=NOW,
                  unique="x", body="hi")
    store.put_job(job)
    path = "/sms/status?" + urlencode({"patient": "p1", "job": job.job_id})
    form = {"MessageSid": "SMd", "MessageStatus": "delivered", "AccountSid": ACCOUNT}
    response = client.post(path, data=form, headers=signed(path, form))
    assert response.status_code == 204
    assert store.get_job("p1", job.job_id).delivery_status == "delivered"
    unsigned = client.post(path, data={**form, "MessageStatus": "failed"}, headers=signed("/sms/status", form))
    assert unsigned.status_code == 403  # the signature covers the query string too


def test_dev_routes_do_not_exist_when_deployed(world):
    client, _ = world
    for path in ("/dev", "/dev/messages", "/dev/emails", "/dev/clock"):
        assert client.get(path).status_code == 404
    assert client.post("/dev/phone", json={"from": "+15551234567", "body": "hi"}).status_code == 404


class DownStore(MemoryStore):
    """DynamoDB unreachable: every read and write fails."""

    def patient_for_phone(self, *args, **kwargs):
        from shared.services.ports import StoreUnavailable

        raise StoreUnavailable("DynamoDB down")

    save_inbound = patient_for_phone


def down_client(store):
    settings = Settings(public_base_url=PUBLIC, twilio_account_sid=ACCOUNT, twilio_from_number="+15005550006")
    services = build_services(settings, clock=FixedClock(NOW), store=store, sms=FakeSms(), mail=FakeMail(),
                              twilio_auth_token=TOKEN)
    return create_app(services).test_client()


def test_storage_outage_is_a_503_and_nothing_half_written():
    store = DownStore()
    form = inbound_form("HELP")
    response = down_client(store).post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert response.status_code == 503 and store.messages == []


def test_a_crisis_text_during_a_storage_outage_still_gets_988():
    form = inbound_form("i want to end it all")
    response = down_client(DownStore()).post("/sms/inbound", data=form, headers=signed("/sms/inbound", form))
    assert response.status_code == 200 and "988" in response.get_data(as_text=True)
