"""Fault: the moto server behind the app stops mid-run and comes back on the same port, empty.

While it is down the app answers clear 503s (a page for people, JSON for the API, TwiML-safe for Twilio,
988 still for a crisis text), never a stack trace; once it is back (and its table made again) the same
app object serves again, with no restart.
"""
from __future__ import annotations

import logging
import uuid
import xml.etree.ElementTree as ET

import pytest
from twilio.request_validator import RequestValidator

from functions.web.app import create_app
from local.seed import seed_demo_clinic
from local.table_definition import create_table
from shared.config import Settings
from shared.wiring import aws_client, build_services
from tests.app.conftest import csrf_from, enrollment
from tests.fakes import FakeMail, FakeSms, FixedClock
from tests.hostile.conftest import NOW

ACCOUNT, TOKEN, PUBLIC = "AC" + "5" * 32, "outage-token", "https://taper.example"
PATIENT_PHONE = "+12125550140"


class OwnMoto:
    """A moto server this test owns, so it can stop it and start it again on the same port."""

    def __init__(self):
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._server_class = ThreadedMotoServer
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.server.start()
        self.host, self.port = self.server.get_host_and_port()

    @property
    def endpoint(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def start_again(self) -> None:
        self.server = self._server_class(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()


@pytest.fixture
def outage():
    moto = OwnMoto()
    settings = Settings(mode="local", table_name=f"outage-{uuid.uuid4().hex[:10]}", aws_endpoint_url=moto.endpoint,
                        public_base_url=PUBLIC, twilio_account_sid=ACCOUNT, twilio_auth_token=TOKEN,
                        twilio_from_number="+15005550006", due_shards=2)
    create_table(aws_client(settings, "dynamodb"), settings.table_name)
    # The real store, built by the wiring (boto3 with its timeouts and retries) against this moto server.
    services = build_services(settings, clock=FixedClock(NOW), sms=FakeSms(), mail=FakeMail(),
                              twilio_auth_token=TOKEN, app_secret="outage-secret")
    try:
        yield moto, settings, services
    finally:
        moto.stop()


def text(client, body: str, sid: str):
    form = {"From": PATIENT_PHONE, "To": "+15005550006", "Body": body, "MessageSid": sid, "AccountSid": ACCOUNT,
            "NumMedia": "0"}
    signature = RequestValidator(TOKEN).compute_signature(PUBLIC + "/sms/inbound", form)
    return client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": signature})


def sign_in(client, email, password):
    token = csrf_from(client.get("/login"))
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


def no_trace(response) -> str:
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and "botocore" not in body and "File \"" not in body
    return body


def test_storage_down_means_clear_503s_and_the_same_app_recovers_when_it_is_back(outage):
    moto, settings, services = outage
    # Given a clinic, a patient and a signed-in admin
    demo = seed_demo_clinic(services, "outage-key")
    app = create_app(services)
    key = {"Authorization": "Bearer outage-key"}
    staff, anonymous = app.test_client(), app.test_client()
    assert staff.post("/api/patients", headers=key, json=enrollment(phone="(212) 555-0140")).status_code == 201
    assert sign_in(staff, demo.admin_email, demo.admin_password).status_code == 302
    assert staff.get("/patients").status_code == 200
    login_token = csrf_from(anonymous.get("/login"))

    # When the moto server stops
    moto.stop()

    # Then people get a page, the API its documented JSON, Twilio an empty TwiML reply: all 503, no trace
    page = staff.get("/patients")
    assert page.status_code == 503 and page.mimetype == "text/html" and page.headers["Retry-After"]
    assert "Service Unavailable" in no_trace(page)
    for response in (anonymous.post("/login", data={"email": demo.admin_email, "password": "x",
                                                    "csrf_token": login_token}),
                     app.test_client().get("/login"),  # a new visitor's form token cannot be kept either
                     staff.get("/escalations")):
        assert response.status_code == 503 and response.mimetype == "text/html"
        no_trace(response)
    for response in (anonymous.get("/api/patients", headers=key),
                     anonymous.post("/api/patients", headers=key, json=enrollment(phone="(212) 555-0141"))):
        assert response.status_code == 503 and response.mimetype == "application/json"
        no_trace(response)
        assert set(response.get_json()) == {"error", "message"}  # the document's Problem shape
    answer = text(anonymous, "7", "SMdown1")
    assert answer.status_code == 503 and answer.mimetype == "application/xml"
    assert ET.fromstring(no_trace(answer)).tag == "Response" and not list(ET.fromstring(answer.get_data()))
    crisis = text(anonymous, "I want to kill myself", "SMdown2")  # a crisis text is answered even so
    assert crisis.status_code == 200 and "988" in ET.fromstring(crisis.get_data()).find("Message").text
    assert anonymous.get("/health").status_code == 200

    # When it comes back on the same port, empty as a restarted moto server is, and the table is made again
    moto.start_again()
    client = aws_client(settings, "dynamodb")
    client.delete_table(TableName=settings.table_name)  # moto keeps state in-process: drop what a restart loses
    create_table(client, settings.table_name)
    demo = seed_demo_clinic(services, "outage-key")

    # Then the same app object serves again
    assert staff.get("/patients").status_code == 302  # the old session went with the data: sign in again
    assert sign_in(staff, demo.admin_email, demo.admin_password).status_code == 302
    assert staff.get("/patients").status_code == 200
    assert anonymous.get("/api/patients", headers=key).get_json() == {"patients": [], "next_cursor": None}
    assert anonymous.post("/api/patients", headers=key, json=enrollment(phone="(212) 555-0140")).status_code == 201
    reply = text(anonymous, "HELP", "SMback1")
    assert reply.status_code == 200 and ET.fromstring(reply.get_data()).find("Message").text
