"""A patient named like a script is shown as text everywhere; every response carries the security headers;
session cookies are HttpOnly, SameSite and (deployed) Secure; passwords are argon2id at OWASP's parameters."""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from functions.dispatch import handler as dispatch
from functions.web.app import create_app
from shared.config import Settings
from shared.services import accounts as accounts_module
from shared.services.ports import InboundSms
from shared.wiring import build_services
from tests.app.conftest import csrf_from, enrollment
from tests.fakes import FakeMail, FakeSms, FixedClock
from tests.hostile.conftest import NOW

FIRST, LAST = "<script>x</script>", "<script>alert(1)</script>"  # first names stop at 20 characters
NOTES = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
RAW = ("<script>x</script>", "<script>alert(1)</script>", "<img src=x")


class Scripts(HTMLParser):
    """Every <script> element and every on* event attribute of a page."""

    def __init__(self):
        super().__init__()
        self.inline_scripts, self.handlers = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not dict(attrs).get("src"):
            self.inline_scripts += 1
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]


def scripts_of(html: str) -> Scripts:
    parser = Scripts()
    parser.feed(html)
    return parser


def sign_in(client, email, password):
    token = csrf_from(client.get("/login"))
    response = client.post("/login", data={"email": email, "password": password, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


@pytest.fixture
def scripted_patient(world):
    """A patient named like a script, with a crisis escalation and its email sent."""
    created = world.api("POST", "/api/patients", json=enrollment(first_name=FIRST, last_name=LAST, notes=NOTES,
                                                                 phone="(212) 555-0150", start_date="2027-01-03"))
    assert created.status_code == 201, created.get_data(as_text=True)
    for sid, text in (("SMxss1", "YES"), ("SMxss2", "I want to end my life")):
        world.services.inbound.handle(InboundSms(sid, "+12125550150", "+15005550006", text, NOW))
    dispatch.handler({"time": "2027-01-03T17:00:00Z", "id": "evt-xss"}, None, services=world.services)
    return created.get_json()["id"]


def test_a_patient_named_like_a_script_is_shown_as_text_on_every_page_and_in_the_email(world, scripted_patient):
    sign_in(world.client, world.demo.admin_email, world.demo.admin_password)
    pages = {path: world.client.get(path) for path in
             ("/patients", f"/patients/{scripted_patient}", "/escalations", "/escalations?status=open")}
    for path, response in pages.items():
        html = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert "&lt;script&gt;" in html, f"{path} does not show the name"
        assert not any(raw in html for raw in RAW), f"{path} carries the name as markup"
        found = scripts_of(html)
        assert found.inline_scripts == 0 and found.handlers == [], path
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[f"/patients/{scripted_patient}"].get_data(as_text=True)

    emails = [mail for mail in world.services.mail.sent if "&lt;script&gt;" in mail["html"]]
    assert emails, "no escalation email names the patient"
    for mail in world.services.mail.sent:
        assert not any(raw in mail["html"] for raw in RAW)
        assert "<script" not in mail["subject"] and "alert" not in mail["subject"]  # the subject names no patient
        assert "&lt;" not in mail["text"]  # plain text is not HTML: the name is plain characters there
    assert any(FIRST in mail["text"] for mail in emails)

    record = world.api("GET", f"/api/patients/{scripted_patient}").get_json()  # JSON carries it as data
    assert (record["first_name"], record["last_name"], record["notes"]) == (FIRST, LAST, NOTES)


def test_the_enrollment_form_shows_a_refused_script_name_as_text(world):
    sign_in(world.client, world.demo.admin_email, world.demo.admin_password)
    token = csrf_from(world.client.get("/patients/new"))
    response = world.client.post("/patients/new", data={"first_name": LAST, "last_name": LAST, "phone": LAST,
                                                        "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert LAST not in html and scripts_of(html).inline_scripts == 0


def security_headers_ok(response, deployed: bool) -> None:
    headers = response.headers
    policy = dict((part.split(" ", 1) + [""])[:2] for part in
                  (p.strip() for p in headers["Content-Security-Policy"].split(";")) if part)
    assert policy["script-src"] in ("'self'", "'none'"), policy
    assert "unsafe" not in policy.get("default-src", "") and policy["frame-ancestors"] == "'none'"
    assert policy["style-src"] in ("'self'", "'self' 'unsafe-inline'") and policy["img-src"] == "'self' data:"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in ("no-referrer", "same-origin", "strict-origin-when-cross-origin")
    assert ("Strict-Transport-Security" in headers) is deployed
    if deployed:
        assert int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1)) >= 31536000


def deployed_app(world):
    """The same services as an AWS deployment sees them: TAPERLINE_MODE=aws behind https."""
    settings = Settings(mode="aws", table_name=world.services.settings.table_name,
                        public_base_url="https://sms.clinic.example", twilio_account_sid="AC" + "1" * 32,
                        twilio_from_number="+15005550006")
    services = build_services(settings, clock=FixedClock(NOW), store=world.services.store, sms=FakeSms(),
                              mail=FakeMail(), twilio_auth_token="test-token", app_secret="deployed-secret")
    return create_app(services)


@pytest.mark.parametrize("deployed", [False, True], ids=["local", "deployed"])
def test_every_kind_of_response_carries_the_security_headers(world, deployed):
    client = deployed_app(world).test_client() if deployed else world.client
    key = {"Authorization": f"Bearer {world.demo.api_key}"}
    responses = [client.get("/health"), client.get("/login"), client.get("/patients"), client.get("/no-such-page"),
                 client.get("/api/patients", headers=key), client.get("/api/patients"),
                 client.get("/api/openapi.json"), client.post("/sms/inbound", data={"Body": "hi"})]
    sign_in(client, world.demo.admin_email, world.demo.admin_password)
    responses += [client.get("/patients"), client.get("/patients/new"), client.get("/escalations"),
                  client.get("/patients/nobody")]
    assert [r.status_code for r in responses] == [200, 200, 302, 404, 200, 401, 200, 403, 200, 200, 200, 404]
    for response in responses:
        security_headers_ok(response, deployed)
    for response in responses[8:]:  # pages with patient details are never cached
        assert response.headers["Cache-Control"] == "no-store"
        assert scripts_of(response.get_data(as_text=True)).inline_scripts == 0


@pytest.mark.parametrize("deployed", [False, True], ids=["local-http", "deployed"])
def test_the_session_cookie_is_http_only_same_site_and_secure_when_deployed(world, deployed):
    if deployed:
        client = deployed_app(world).test_client()
    else:  # the local stack over plain http on loopback
        settings = Settings(**{**world.services.settings.__dict__, "public_base_url": "http://127.0.0.1:8000"})
        services = build_services(settings, clock=FixedClock(NOW), store=world.services.store, sms=FakeSms(),
                                  mail=FakeMail(), twilio_auth_token="t", app_secret="s")
        client = create_app(services).test_client()
    response = sign_in(client, world.demo.admin_email, world.demo.admin_password)
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("taperline_session="))
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert "httponly" in flags and flags["samesite"].lower() == "samesite=lax" and flags["path"] == "Path=/"
    assert ("secure" in flags) is deployed
    token = cookie.split(";")[0].split("=", 1)[1]
    assert len(token) >= 40 and world.demo.admin_email not in base64.urlsafe_b64decode(token + "==").decode("latin-1")


def test_passwords_are_argon2id_at_owasp_parameters():
    stored = accounts_module.hash_password("correct horse battery staple")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")  # OWASP: 19 MiB, 2 iterations, 1 lane
    assert stored != accounts_module.hash_password("correct horse battery staple")  # salted
    assert accounts_module.password_matches("correct horse battery staple", stored)
    assert not accounts_module.password_matches("correct horse battery stapler", stored)
    assert not accounts_module.password_matches("anything", "$argon2id$v=19$m=19456,t=2,p=1$broken")
    assert not accounts_module.password_matches("anything", "")


def old_scrypt_hash(password: str) -> str:
    """A hash as taperline stored it before argon2id: scrypt$n$r$p$salt$hash with n=2^14."""
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return "$".join(["scrypt", str(2**14), "8", "1", base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def test_an_old_scrypt_password_still_signs_in_and_is_rehashed_with_argon2id(world):
    store, email = world.services.store, world.demo.provider_email
    store.set_password_hash(email, old_scrypt_hash("old-but-good"))
    accounts = world.services.accounts
    with pytest.raises(accounts_module.SignInRefused):
        accounts.sign_in(email, "wrong", NOW)
    assert store.get_user(email).password_hash.startswith("scrypt$")  # a wrong password changes nothing

    accounts.sign_in(email, "old-but-good", NOW)

    rehashed = store.get_user(email).password_hash
    assert rehashed.startswith("$argon2id$") and accounts_module.password_matches("old-but-good", rehashed)
    sign_in(world.client, email, "old-but-good")  # and it still works through the page


def test_deployed_forms_work_over_https_with_the_referrer_the_served_policy_lets_a_browser_send(world):
    """Flask-WTF checks the Referer on https form posts: the Referrer-Policy we serve must let browsers send it."""
    client = deployed_app(world).test_client()
    base = "https://sms.clinic.example"
    page = client.get("/login", base_url=base)
    policy = page.headers["Referrer-Policy"]
    # what a browser sends on a same-origin form post under that policy
    referer = {} if policy == "no-referrer" else {"Referer": f"{base}/login"}
    response = client.post("/login", base_url=base, headers=referer,
                           data={"email": world.demo.admin_email, "password": world.demo.admin_password,
                                 "csrf_token": csrf_from(page)})
    assert response.status_code == 302, response.get_data(as_text=True)
    patients = client.get("/patients", base_url=base)
    out = client.post("/logout", base_url=base, headers={"Referer": f"{base}/patients"} if referer else {},
                      data={"csrf_token": csrf_from(patients)})
    assert out.status_code == 302 and out.location.endswith("/login")
