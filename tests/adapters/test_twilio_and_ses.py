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


NOW = datetime(2027, 1, 1, tzinfo=timezone.utc)  # the fixture network's clock


def test_a_text_handed_over_ahead_waits_at_twilio_for_its_send_at_and_goes_then(twilio_endpoint):
    from datetime import timedelta

    url, network, callbacks = twilio_endpoint
    at = NOW + timedelta(hours=1)
    sid = sender(url, messaging_service_sid="MG1").schedule(
        "+15551234567", "Tonight: LDN 3 mg", "https://taper.example/sms/status?job=j1", at)
    # Held at Twilio: listed with its status, on no phone yet, no callback yet
    [held] = network.scheduled()
    assert (held["sid"], held["status"], held["send_at"]) == (sid, "scheduled", "2027-01-01T01:00:00Z")
    assert network.sent() == [] and callbacks.queued == []
    assert network.release_due() == []  # not before its SendAt
    network.clock.set(at)
    [released] = network.release_due()
    assert released["sid"] == sid and [m["sid"] for m in network.sent()] == [sid]


@pytest.mark.parametrize("ahead, service, code", [
    (14, True, "35114"),                          # less than 15 minutes ahead
    (35 * 24 * 60 + 1, True, "35114"),            # more than 35 days ahead
    (60, False, "35118"),                         # scheduling needs a Messaging Service
])
def test_twilio_refuses_a_schedule_outside_its_window_or_without_a_messaging_service(twilio_endpoint, ahead, service,
                                                                                      code):
    from datetime import timedelta

    url, network, _ = twilio_endpoint
    kwargs = {"messaging_service_sid": "MG1"} if service else {"from_number": "+15005550006"}
    with pytest.raises(SendError) as refused:
        sender(url, **kwargs).schedule("+15551234567", "Tonight", "https://taper.example/s", NOW + timedelta(minutes=ahead))
    assert refused.value.code == code and not refused.value.retryable and network.created() == []


def test_the_local_endpoint_answers_malformed_schedules_with_twilios_codes(twilio_endpoint):
    import requests

    url, _, _ = twilio_endpoint
    form = {"To": "+15551234567", "Body": "Tonight", "MessagingServiceSid": "MG1"}
    post = lambda extra: requests.post(f"{url}/2010-04-01/Accounts/{SID}/Messages.json", data={**form, **extra},  # noqa: E731
                                       auth=(SID, TOKEN), timeout=5).json()["code"]
    assert post({"ScheduleType": "fixed"}) == 35111                              # no SendAt
    assert post({"ScheduleType": "fixed", "SendAt": "tomorrow at nine"}) == 35115  # not a timestamp
    assert post({"ScheduleType": "recurring", "SendAt": "2027-01-01T01:00:00Z"}) == 35126


def test_a_scheduled_text_is_cancelled_while_scheduled_and_not_once_it_went(twilio_endpoint):
    from datetime import timedelta

    url, network, callbacks = twilio_endpoint
    twilio = sender(url, messaging_service_sid="MG1")
    first = twilio.schedule("+15551234567", "Tonight", "https://taper.example/s?job=a", NOW + timedelta(hours=1))
    second = twilio.schedule("+15551234568", "Tonight", "https://taper.example/s?job=b", NOW + timedelta(minutes=20))
    assert twilio.cancel(first) is True
    assert [form["MessageStatus"] for _, form in callbacks.queued] == ["canceled"]
    assert twilio.cancel(first) is False            # 30409: no longer scheduled
    network.clock.set(NOW + timedelta(minutes=20))
    network.release_due()
    assert twilio.cancel(second) is False           # it went: too late to take back
    assert [m["sid"] for m in network.sent()] == [second]
    with pytest.raises(SendError) as unknown:
        twilio.cancel("SM" + "0" * 32)
    assert unknown.value.code == "20404" and unknown.value.retryable
    network.fail_next(503, 20503)
    with pytest.raises(SendError) as outage:
        twilio.cancel(second)
    assert outage.value.retryable
