"""The real twilio client over HTTP to the local Twilio-compatible endpoint; SES v2 over HTTP to moto."""
import threading
from datetime import datetime, timezone

import pytest
from flask import Flask
from werkzeug.serving import make_server

from local.phone_network import PhoneNetwork, messages_api
from shared.adapters.ses_mail import SesMailSender
from shared.adapters.twilio_sms import TwilioSmsSender, build_twilio_client
from shared.services.ports import SendError
from tests.fakes import FixedClock

SID, TOKEN = "AC" + "2" * 32, "token-2"


class Callbacks:
    def __init__(self):
        self.queued = []

    def queue(self, url, form):
        self.queued.append((url, form))


@pytest.fixture(scope="module")
def twilio_server():
    current = {}
    app = Flask("fake-twilio")
    app.register_blueprint(messages_api(lambda: current["network"], lambda: current["callbacks"],
                                        lambda: {"MG1": "+15005550006"}))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", current
    server.shutdown()


@pytest.fixture
def twilio_endpoint(twilio_server):
    """A fresh phone network behind the module's endpoint."""
    url, current = twilio_server
    current["network"] = PhoneNetwork(FixedClock(datetime(2027, 1, 1, tzinfo=timezone.utc)), SID, TOKEN)
    current["callbacks"] = Callbacks()
    return url, current["network"], current["callbacks"]


def sender(url, token=TOKEN, **kwargs):
    kwargs = kwargs or {"from_number": "+15005550006"}
    return TwilioSmsSender(build_twilio_client(SID, token, url), **kwargs)


def test_real_twilio_client_sends_through_the_local_endpoint(twilio_endpoint):
    url, network, callbacks = twilio_endpoint
    sid = sender(url).send("+15551234567", "Tonight: LDN 3 mg", "https://taper.example/sms/status?job=j1")
    assert sid.startswith("SM") and len(sid) == 34
    assert network.sent() == [{"sid": sid, "to": "+15551234567", "from": "+15005550006", "body": "Tonight: LDN 3 mg",
                               "status": "queued", "created_at": "2027-01-01T00:00:00Z"}]
    assert [form["MessageStatus"] for _, form in callbacks.queued] == ["sent", "delivered"]
    assert callbacks.queued[0][0] == "https://taper.example/sms/status?job=j1"


def test_messaging_service_sid_is_used_when_configured(twilio_endpoint):
    url, network, _ = twilio_endpoint
    sender(url, messaging_service_sid="MG1").send("+15551234567", "hi", "https://x/sms/status")
    assert network.sent()[0]["from"] == "+15005550006"


@pytest.mark.parametrize("status, code, retryable", [
    (429, 20429, True), (500, 20500, True), (503, 20503, True),
    (400, 21211, False), (400, 21614, False), (400, 21610, False),
])
def test_twilio_errors_say_whether_to_retry(twilio_endpoint, status, code, retryable):
    url, network, _ = twilio_endpoint
    network.fail_next(status, code)
    with pytest.raises(SendError) as raised:
        sender(url).send("+15551234567", "hi", "https://x/sms/status")
    assert raised.value.retryable is retryable and raised.value.code == str(code)
    assert network.sent() == []


def test_a_wrong_auth_token_is_refused_and_not_retried(twilio_endpoint):
    url, _, _ = twilio_endpoint
    with pytest.raises(SendError) as raised:
        sender(url, token="wrong").send("+15551234567", "hi", "https://x/sms/status")
    assert raised.value.code == "20003" and not raised.value.retryable


def test_an_invalid_number_is_refused_by_the_endpoint(twilio_endpoint):
    url, _, _ = twilio_endpoint
    with pytest.raises(SendError) as raised:
        sender(url).send("555-1234", "hi", "https://x/sms/status")
    assert raised.value.code == "21211" and not raised.value.retryable


def test_twilio_unreachable_is_a_retryable_network_error():
    with pytest.raises(SendError) as raised:
        sender("http://127.0.0.1:9").send("+15551234567", "hi", "https://x/sms/status")
    assert raised.value.retryable and raised.value.code == "network"


def test_ses_sends_text_and_html_through_moto(local_settings, moto_endpoint):
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends

    from shared.wiring import aws_client

    client = aws_client(local_settings, "sesv2")
    client.create_email_identity(EmailIdentity="alerts@taper.example")
    message_id = SesMailSender(client, "alerts@taper.example").send(
        "dr@example.org", "A patient needs review", "plain words", "<p>html words</p>")
    # moto's own record of what it sent (the server runs in this process; its /moto-api/data.json dumps every
    # other test's tables too, and timed out on a busy machine)
    sent = [{"id": m.id, "destinations": m.destinations, "subject": m.subject}
            for m in ses_backends[DEFAULT_ACCOUNT_ID][local_settings.aws_region].sent_messages]
    ours = [m for m in sent if m["id"] == message_id]
    assert ours and ours[0]["destinations"]["ToAddresses"] == ["dr@example.org"]
    assert ours[0]["subject"] == "A patient needs review"


def test_ses_refusing_an_unverified_sender_is_not_retried(local_settings):
    from shared.wiring import aws_client

    with pytest.raises(SendError) as raised:
        SesMailSender(aws_client(local_settings, "sesv2"), "nobody@unverified.example").send(
            "dr@example.org", "s", "t", "")
    assert not raised.value.retryable


def test_a_read_timeout_after_sending_is_ambiguous_never_retried(twilio_endpoint):
    import socket

    # Given an endpoint that accepts the request and never answers
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    client = build_twilio_client(SID, TOKEN, f"http://127.0.0.1:{silent.getsockname()[1]}")
    client.http_client.timeout = 0.3
    try:
        with pytest.raises(SendError) as raised:
            TwilioSmsSender(client, from_number="+15005550006").send("+15551234567", "hi", "https://x/sms/status")
    finally:
        client.http_client.session.close()
        silent.close()
    assert raised.value.ambiguous and not raised.value.retryable


def test_find_sent_asks_twilio_for_a_message_after_a_lost_answer(twilio_endpoint):
    url, _, _ = twilio_endpoint
    sms = sender(url)
    since = datetime(2026, 12, 31, 23, 59, tzinfo=timezone.utc)
    sid = sms.send("+15551234567", "Demo Clinic: Tonight: LDN 2 mg.", "https://x/sms/status")
    assert sms.find_sent("+15551234567", "Demo Clinic: Tonight: LDN 2 mg.", since) == sid
    assert sms.find_sent("+15551234567", "Demo Clinic: Tonight: LDN 1 mg.", since) is None
    assert sms.find_sent("+15550000000", "Demo Clinic: Tonight: LDN 2 mg.", since) is None
    assert sms.find_sent("+15551234567", "Demo Clinic: Tonight: LDN 2 mg.",
                         datetime(2027, 1, 2, tzinfo=timezone.utc)) is None


def test_find_sent_counts_a_message_twilio_still_holds_in_its_queue():
    """Twilio gives a queued message no date_sent yet, and its DateSent filter skips it: look by creation time."""
    from datetime import datetime, timedelta, timezone
    from types import SimpleNamespace

    from shared.adapters.twilio_sms import find_sent_message

    created = datetime(2027, 3, 15, 1, 0, 5, tzinfo=timezone.utc)
    queued = SimpleNamespace(sid="SMqueued", body="Demo Clinic: Tonight: LDN 2 mg.", date_created=created, date_sent=None)

    class Messages:   # filters as Twilio's Messages list does
        def list(self, to, limit, date_sent_after=None):
            return [m for m in [queued] if date_sent_after is None or (m.date_sent and m.date_sent >= date_sent_after)]

    client = SimpleNamespace(messages=Messages())
    since = created - timedelta(minutes=1)
    assert find_sent_message(client, "+15551234567", queued.body, since) == "SMqueued"
    assert find_sent_message(client, "+15551234567", queued.body, created + timedelta(minutes=1)) is None
