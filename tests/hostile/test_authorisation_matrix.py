"""Who may call what: every route of the app × every kind of caller, with the status each must get.

The table is written out by hand and checked against `app.url_map`: a route without a row fails the test.
"login" means a redirect to the sign-in page (302 to /login, maybe with ?next=); 302 means any other redirect. Callers of the other clinic also
must never see the Demo Clinic's patient in any answer.
"""
from __future__ import annotations

import re

import pytest

from functions.web.app import create_app
from shared.services.ports import InboundSms
from tests.app.conftest import csrf_from, enrollment
from tests.hostile.conftest import NOW

ANON, ADMIN, PROVIDER, KEY, OTHER_ADMIN, OTHER_KEY, REVOKED = (
    "anonymous", "admin", "provider", "api key", "other clinic's admin", "other clinic's key", "revoked key")
PRINCIPALS = (ANON, ADMIN, PROVIDER, KEY, OTHER_ADMIN, OTHER_KEY, REVOKED)
LOGIN = "login"
SECRET_SURNAME = "Quillfeather"  # the Demo Clinic patient's last name: never shown to the other clinic


def row(anon, admin, provider, key, other_admin, other_key, revoked) -> dict:
    return dict(zip(PRINCIPALS, (anon, admin, provider, key, other_admin, other_key, revoked)))


def everyone(status) -> dict:
    return row(*[status] * 7)


KEYS_ONLY = dict(anon=401, admin=401, provider=401, other_admin=401, revoked=401)  # sessions are not API keys
STAFF_PAGE = dict(anon=LOGIN, key=LOGIN, other_key=LOGIN, revoked=LOGIN)  # keys are not sessions

# (method, rule) -> expected status per principal. Paths fill <patient_id> and <escalation_id> with the Demo
# Clinic's patient and escalation, and <action> with the action named in CONCRETE.
RULES: dict[tuple[str, str], dict] = {
    ("GET", "/health"): everyone(200),
    ("GET", "/static/<path:filename>"): everyone(404),  # no static files are served
    ("POST", "/sms/inbound"): everyone(403),  # only a Twilio signature opens the webhooks
    ("POST", "/sms/status"): everyone(403),
    ("GET", "/api/openapi.json"): everyone(200),
    ("GET", "/api/docs"): everyone(200),  # the API reference: anyone may read it
    ("GET", "/api/docs/api-docs.js"): everyone(200),
    ("GET", "/api/docs/swagger-ui/<path:filename>"): everyone(200),  # the vendored Swagger UI's files
    ("POST", "/api/patients"): row(**KEYS_ONLY, key=201, other_key=400),  # 400: not a provider of its clinic
    ("GET", "/api/patients"): row(**KEYS_ONLY, key=200, other_key=200),  # its own (empty) list
    ("GET", "/api/patients/<patient_id>"): row(**KEYS_ONLY, key=200, other_key=404),
    ("DELETE", "/api/patients/<patient_id>"): row(**KEYS_ONLY, key=409, other_key=404),  # 409: the taper is not over
    ("PATCH", "/api/patients/<patient_id>"): row(**KEYS_ONLY, key=200, other_key=404),
    ("POST", "/api/patients/<patient_id>/messages"): row(**KEYS_ONLY, key=202, other_key=404),
    ("GET", "/api/patients/<patient_id>/fhir"): row(**KEYS_ONLY, key=200, other_key=404),
    ("POST", "/api/patients/<patient_id>/hold"): row(**KEYS_ONLY, key=200, other_key=404),
    ("POST", "/api/patients/<patient_id>/resume"): row(**KEYS_ONLY, key=200, other_key=404),
    ("POST", "/api/patients/<patient_id>/adjust"): row(**KEYS_ONLY, key=200, other_key=404),
    ("POST", "/api/patients/<patient_id>/end"): row(**KEYS_ONLY, key=200, other_key=404),
    ("GET", "/api/escalations"): row(**KEYS_ONLY, key=200, other_key=200),
    ("GET", "/api/clinic/settings"): row(**KEYS_ONLY, key=200, other_key=200),  # each key: its own clinic's
    ("PATCH", "/api/clinic/settings"): row(**KEYS_ONLY, key=200, other_key=200),
    ("POST", "/api/escalations/<escalation_id>/acknowledge"): row(**KEYS_ONLY, key=200, other_key=404),
    ("POST", "/api/escalations/<escalation_id>/resolve"): row(**KEYS_ONLY, key=200, other_key=404),
    # CSV exports (with a range around the cast's escalation, see QUERIES): a key's own clinic only; admins only
    ("GET", "/api/exports/checkins.csv"): row(**KEYS_ONLY, key=200, other_key=200),  # the other's has no rows
    ("GET", "/api/exports/escalations.csv"): row(**KEYS_ONLY, key=200, other_key=200),
    ("GET", "/api/exports/plan_changes.csv"): row(**KEYS_ONLY, key=200, other_key=200),
    ("GET", "/exports"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),
    ("GET", "/clinic/numbers"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),  # its own clinic's
    ("GET", "/exports/checkins.csv"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),
    ("GET", "/exports/escalations.csv"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),
    ("GET", "/exports/plan_changes.csv"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),
    ("GET", "/"): row(LOGIN, 302, 302, LOGIN, 302, LOGIN, LOGIN),  # signed in: on to /patients
    ("GET", "/login"): everyone(200),
    ("POST", "/login"): everyone(401),  # a wrong password, whoever asks
    ("POST", "/logout"): everyone(LOGIN),  # signed out, back to the sign-in page
    ("GET", "/patients"): row(**STAFF_PAGE, admin=200, provider=200, other_admin=200),
    ("GET", "/patients/new"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),
    ("POST", "/patients/new"): row(**STAFF_PAGE, admin=400, provider=403, other_admin=400),  # 400: empty form
    ("GET", "/patients/<patient_id>"): row(**STAFF_PAGE, admin=200, provider=200, other_admin=404),
    ("GET", "/patients/<patient_id>/summary"): row(**STAFF_PAGE, admin=200, provider=200, other_admin=404),
    ("POST", "/patients/<patient_id>/plan/<action>"): row(**STAFF_PAGE, admin=302, provider=302, other_admin=404),
    ("POST", "/patients/<patient_id>/message"): row(**STAFF_PAGE, admin=302, provider=302, other_admin=404),
    ("POST", "/patients/<patient_id>/language"): row(**STAFF_PAGE, admin=302, provider=302, other_admin=404),
    ("POST", "/patients/<patient_id>/edit"): row(**STAFF_PAGE, admin=302, provider=302, other_admin=404),
    ("GET", "/escalations"): row(**STAFF_PAGE, admin=200, provider=200, other_admin=200),
    ("POST", "/escalations/<escalation_id>/<action>"): row(**STAFF_PAGE, admin=302, provider=302, other_admin=404),
    # Staff: admins manage their own clinic's members; anyone may follow a link or ask for a reset
    ("GET", "/staff"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),
    ("POST", "/staff/invite"): row(**STAFF_PAGE, admin=400, provider=403, other_admin=400),  # 400: empty form
    ("POST", "/staff/<path:email>/<action>"): row(**STAFF_PAGE, admin=302, provider=403, other_admin=404),
    ("GET", "/invite/<token>"): everyone(200),
    ("POST", "/invite/<token>"): everyone(404),  # no such invitation
    ("GET", "/password/forgot"): everyone(200),
    ("POST", "/password/forgot"): everyone(200),  # the same answer, account or not
    ("GET", "/password/reset/<token>"): everyone(200),
    ("POST", "/password/reset/<token>"): everyone(404),  # no such reset
    ("GET", "/password"): row(**STAFF_PAGE, admin=200, provider=200, other_admin=200),
    ("GET", "/clinic/settings"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),  # its own clinic's
    ("POST", "/clinic/settings"): row(**STAFF_PAGE, admin=400, provider=403, other_admin=400),  # 400: empty form
    ("GET", "/api-keys"): row(**STAFF_PAGE, admin=200, provider=403, other_admin=200),  # its own clinic's keys
    ("POST", "/api-keys"): row(**STAFF_PAGE, admin=400, provider=403, other_admin=400),  # 400: no name
    ("POST", "/api-keys/<key_hash>/revoke"): row(**STAFF_PAGE, admin=404, provider=403, other_admin=404),
    ("POST", "/password"): row(**STAFF_PAGE, admin=400, provider=400, other_admin=400),  # 400: not the password
}
CONCRETE = {"/patients/<patient_id>/plan/<action>": "hold", "/escalations/<escalation_id>/<action>": "acknowledge",
            "/staff/<path:email>/<action>": "reactivate",
            "/static/<path:filename>": "nothing-here.css", "/api/docs/swagger-ui/<path:filename>": "swagger-ui.css"}
QUERIES = {rule: "?from=2027-01-01&to=2027-12-31" for method, rule in RULES if "exports" in rule}
# Local mode only (the local stack adds them; loopback, no sign-in): never part of the deployed app.
DEV_ROUTES = {("GET", "/dev"), ("GET", "/dev/messages"), ("GET", "/dev/threads"), ("POST", "/dev/phone"),
              ("GET", "/dev/emails"), ("GET", "/dev/clock"), ("POST", "/dev/clock"), ("GET", "/dev/static/<path:filename>"),
              ("POST", "/2010-04-01/Accounts/<account_sid>/Messages.json"),
              ("GET", "/2010-04-01/Accounts/<account_sid>/Messages.json"),
              ("POST", "/2010-04-01/Accounts/<account_sid>/Messages/<message_sid>.json")}  # cancel a scheduled text


def routes_of(app) -> set[tuple[str, str]]:
    return {(method, rule.rule) for rule in app.url_map.iter_rules()
            for method in rule.methods - {"HEAD", "OPTIONS"}}


def test_every_route_of_the_app_has_a_rule(world):
    app = world.client.application
    assert routes_of(app) == set(RULES), "add a row to RULES for each new route (and drop rows of removed ones)"
    assert all(set(expected) == set(PRINCIPALS) for expected in RULES.values())


def test_dev_routes_exist_only_in_local_mode(world):
    from local.dev_routes import dev_blueprint
    from local.phone_network import messages_api

    deployed = world.client.application
    assert not any(rule.startswith(("/dev", "/2010-04-01")) for _, rule in routes_of(deployed))
    for path in ("/dev", "/dev/messages", "/dev/emails", "/dev/clock"):
        assert deployed.test_client().get(path).status_code == 404
    assert deployed.test_client().post("/dev/phone", json={"from": "+15551234567", "body": "hi"}).status_code == 404

    local = create_app(world.services, extra_blueprints=[dev_blueprint(None),
                                                         messages_api(lambda: None, lambda: None, lambda: {})])
    assert routes_of(local) - routes_of(deployed) == DEV_ROUTES


@pytest.fixture
def cast(world):
    """The Demo Clinic's patient and escalation, a revoked Demo key, and a signed-in client per principal."""
    created = world.api("POST", "/api/patients", json=enrollment(last_name=SECRET_SURNAME, phone="(212) 555-0160",
                                                                 start_date="2027-01-03"))
    assert created.status_code == 201
    patient_id = created.get_json()["id"]
    for sid, text in (("SMmatrix1", "YES"), ("SMmatrix2", "I want to end my life")):
        world.services.inbound.handle(InboundSms(sid, "+12125550160", "+15005550006", text, NOW))
    escalation_id = world.api("GET", "/api/escalations").get_json()["escalations"][0]["id"]
    revoked = world.services.accounts.create_api_key(world.demo.clinic.clinic_id, "old", NOW)
    assert world.services.accounts.revoke_api_key(world.demo.clinic.clinic_id, revoked, NOW)
    return {"patient_id": patient_id, "escalation_id": escalation_id, "revoked": revoked}


class Caller:
    """One principal: a client with its own cookies (signed in or not) and maybe an API key."""

    def __init__(self, world, principal: str, revoked_key: str):
        self.client = world.client.application.test_client()
        self.principal = principal
        credentials = {ADMIN: (world.demo.admin_email, world.demo.admin_password),
                       PROVIDER: (world.demo.provider_email, world.demo.provider_password),
                       OTHER_ADMIN: world.other_admin}.get(principal)
        if credentials:
            token = csrf_from(self.client.get("/login"))
            signed = self.client.post("/login", data={"email": credentials[0], "password": credentials[1],
                                                      "csrf_token": token})
            assert signed.status_code == 302, f"{principal} could not sign in"
        self.key = {KEY: world.demo.api_key, OTHER_KEY: world.other_key, REVOKED: revoked_key}.get(principal)

    def request(self, method: str, path: str, rule: str):
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        kwargs = {}
        if rule.startswith("/api/"):
            kwargs["json"] = API_BODIES.get((method, rule), API_BODIES.get(rule, {}))
        elif method == "POST" and not rule.startswith("/sms/"):
            # Forms carry a valid CSRF token, so the answer is about who asks, not about the token
            form = {"csrf_token": csrf_from(self.client.get("/login"))}
            if rule == "/login":
                form |= {"email": f"nobody-{len(self.principal)}@example.org", "password": "wrong"}
            kwargs["data"] = form
        elif rule.startswith("/sms/"):
            kwargs["data"] = {"From": "+12125550160", "Body": "hi", "MessageSid": "SMforged", "AccountSid": "AC1"}
        return self.client.open(path, method=method, headers=headers, **kwargs)


API_BODIES = {"/api/patients": enrollment(phone="(212) 555-0161"), "/api/patients/<patient_id>/adjust": {"step_days": 5},
              "/api/escalations/<escalation_id>/resolve": {"note": "seen"},
              ("PATCH", "/api/patients/<patient_id>"): {"language": "es"},
              ("PATCH", "/api/clinic/settings"): {"ack_urgent_minutes": 45},
              "/api/patients/<patient_id>/messages": {"body": "How are you doing?"}}


def concrete(rule: str, ids: dict) -> str:
    if "<path:filename>" in rule:
        return rule.replace("<path:filename>", CONCRETE[rule])
    path = rule.replace("<patient_id>", ids["patient_id"]).replace("<escalation_id>", ids["escalation_id"])
    path = path.replace("<path:email>", "provider@example.org").replace("<token>", "not-a-real-link")
    path = path.replace("<key_hash>", "0" * 64)  # no such key (revoking the cast's would change later cells)
    return re.sub(r"<action>", CONCRETE.get(rule) or "", path) + QUERIES.get(rule, "")


# Cells run in this order for each principal, so every allowed action finds the state it needs: the admin's
# page hold has held the taper when the API key adjusts, resumes, holds again and ends it; acknowledging
# comes before resolving; signing out comes last.
LATER = ("/adjust", "/resume", "/hold", "/end", "/resolve", "/logout")


def order(cell) -> tuple:
    method, rule = cell
    return (next((i + 1 for i, end in enumerate(LATER) if rule.endswith(end)), 0), rule, method)


def test_each_principal_gets_the_expected_status_on_every_route(world, cast):
    outcomes, mismatches = {}, []
    for principal in PRINCIPALS:
        caller = Caller(world, principal, cast["revoked"])
        for method, rule in sorted(RULES, key=lambda cell: order(cell)):
            path = concrete(rule, cast)
            response = caller.request(method, path, rule)
            expected = RULES[(method, rule)][principal]
            got = response.status_code
            to_sign_in = got == 302 and response.headers["Location"].split("?")[0] == "/login"
            ok = to_sign_in if expected == LOGIN else got == expected and not to_sign_in
            outcomes[(principal, method, rule)] = got
            if not ok:
                mismatches.append(f"{principal:22} {method:4} {rule}: expected {expected}, got {got}")
            if principal in (OTHER_ADMIN, OTHER_KEY):
                body = response.get_data(as_text=True)
                assert SECRET_SURNAME not in body, (principal, method, rule)
                assert cast["patient_id"] in path or cast["patient_id"] not in body, (principal, method, rule)
            response.close()  # a file's answer holds it open until closed, as a WSGI server does
    assert not mismatches, "\n" + "\n".join(mismatches)
    assert len(outcomes) == len(RULES) * len(PRINCIPALS)
