"""Staff without a developer (issue 15): invitations, roles, deactivation, forgotten and changed passwords."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from shared.errors import SendError
from tests.app.conftest import NOW, csrf_from

NEW = "nurse@example.org"
GOOD = "correct horse battery"


def admin_client(world):
    assert world.sign_in(world.demo.admin_email, world.demo.admin_password).status_code == 302
    return world.client


def post(client, path, page, **form):
    return client.post(path, data={**form, "csrf_token": csrf_from(client.get(page))})


def link_in(world, to):
    [mail] = [m for m in world.services.mail.sent if m["to"] == to][-1:]
    return re.search(r"https://taper\.example(/\S+)", mail["text"]).group(1)


def fresh(world):
    return world.client.application.test_client()


def test_an_admin_invites_a_provider_who_sets_a_password_once_and_signs_in(world):
    client = admin_client(world)
    sent = post(client, "/staff/invite", "/staff", email="Nurse@Example.org", name="Noor", role="provider")
    assert sent.status_code == 302 and "Invitation sent to nurse@example.org" in client.get("/staff").get_data(True)
    link = link_in(world, NEW)
    assert link.startswith("/invite/")
    token = link.rsplit("/", 1)[1]
    assert token not in str(world.services.store.client.scan(TableName=world.services.settings.table_name))  # hashed
    invited = fresh(world)
    short = post(invited, link, link, name="Noor N", password="short")
    assert short.status_code == 400 and "at least 12 characters" in short.get_data(True)
    joined = post(invited, link, link, name="Noor N", password=GOOD)
    assert joined.status_code == 302 and invited.get("/patients").status_code == 200
    assert invited.get("/patients/new").status_code == 403  # a provider
    again = post(fresh(world), link, link, name="x", password=GOOD)
    assert again.status_code == 404 and "not valid any more" in again.get_data(True)
    assert world.sign_in(NEW, GOOD).status_code == 302


def test_an_invitation_expires_after_72_hours(world):
    client = admin_client(world)
    post(client, "/staff/invite", "/staff", email=NEW, name="", role="admin")
    link = link_in(world, NEW)
    world.services.clock.set(NOW + timedelta(hours=72, minutes=1))
    assert post(fresh(world), link, link, password=GOOD).status_code == 404


def test_an_existing_email_and_a_bad_form_are_refused(world):
    client = admin_client(world)
    taken = post(client, "/staff/invite", "/staff", email=world.demo.provider_email, role="provider")
    assert taken.status_code == 409 and "cannot be invited" in taken.get_data(True) and "clinic" not in taken.get_data(True).split("role=\"alert\"")[1].split("</p>")[0]
    assert post(client, "/staff/invite", "/staff", email="nobody", role="provider").status_code == 400
    assert post(client, "/staff/invite", "/staff", email=NEW, role="owner").status_code == 400
    world.services.mail.fail_with.append(SendError("ses down"))
    assert post(client, "/staff/invite", "/staff", email=NEW, role="provider").status_code == 503


def test_deactivating_a_provider_ends_their_live_session_and_reactivating_lets_them_sign_in(world):
    provider = fresh(world)
    token = csrf_from(provider.get("/login"))
    assert provider.post("/login", data={"email": world.demo.provider_email, "password": world.demo.provider_password,
                                         "csrf_token": token}).status_code == 302
    assert provider.get("/patients").status_code == 200
    client = admin_client(world)
    off = post(client, f"/staff/{world.demo.provider_email}/deactivate", "/staff")
    assert off.status_code == 302 and "Deactivated" in client.get("/staff").get_data(True)
    assert provider.get("/patients").status_code == 302  # signed out at once
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 401
    assert post(admin_client(world), f"/staff/{world.demo.provider_email}/reactivate", "/staff").status_code == 302
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 302


def test_roles_change_and_the_last_admin_is_kept(world):
    client = admin_client(world)
    assert post(client, f"/staff/{world.demo.provider_email}/role", "/staff", role="admin").status_code == 302
    assert world.services.store.get_user(world.demo.provider_email).role.value == "admin"
    assert post(client, f"/staff/{world.demo.provider_email}/role", "/staff", role="provider").status_code == 302
    demoted = post(client, f"/staff/{world.demo.admin_email}/role", "/staff", role="provider")
    assert demoted.status_code == 409 and "at least one active admin" in demoted.get_data(True)
    assert post(client, "/staff/dr@other.example/deactivate", "/staff").status_code == 404  # another clinic's


def test_forgot_password_answers_the_same_whether_or_not_the_email_has_an_account(world):
    answers = [post(fresh(world), "/password/forgot", "/password/forgot", email=email).get_data(True)
               for email in (world.demo.provider_email, "nobody@example.org")]
    assert answers[0] == answers[1] and "If that email has an account" in answers[0]
    assert [m["to"] for m in world.services.mail.sent] == [world.demo.provider_email]


def test_a_forgotten_password_is_answered_after_the_same_time_account_or_not():
    from functions.web.staff import FORGOT_TAKES_SECONDS, padded

    for spent in (0.02, 0.35, 0.9):  # no account (a read); an account (a link written, an email sent); a slow one
        clock, slept = [100.0], []
        padded(100.0 - spent, lambda: clock[0], slept.append)
        assert spent + sum(slept) == pytest.approx(FORGOT_TAKES_SECONDS)
    slept = []
    padded(100.0 - 1.7, lambda: 100.0, slept.append)  # slower than the floor (a slow SES): answered at once
    assert slept == []


def test_a_reset_link_signs_a_throttled_user_in_once_and_ends_their_other_sessions(world):
    other = fresh(world)
    token = csrf_from(other.get("/login"))
    other.post("/login", data={"email": world.demo.provider_email, "password": world.demo.provider_password,
                               "csrf_token": token})
    assert other.get("/patients").status_code == 200
    for _ in range(6):
        world.sign_in(world.demo.provider_email, "wrong guess")
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 429  # throttled
    post(fresh(world), "/password/forgot", "/password/forgot", email=world.demo.provider_email)
    link = link_in(world, world.demo.provider_email)
    world.services.clock.set(NOW + timedelta(seconds=5))
    reset = fresh(world)
    assert post(reset, link, link, password=GOOD).status_code == 302 and reset.get("/patients").status_code == 200
    assert other.get("/patients").status_code == 302  # the session from before the reset has ended
    assert post(fresh(world), link, link, password=GOOD + "!").status_code == 404  # once only
    assert world.sign_in(world.demo.provider_email, GOOD).status_code == 302


def test_a_reset_link_lasts_an_hour(world):
    post(fresh(world), "/password/forgot", "/password/forgot", email=world.demo.provider_email)
    link = link_in(world, world.demo.provider_email)
    world.services.clock.set(NOW + timedelta(hours=1, seconds=1))
    assert post(fresh(world), link, link, password=GOOD).status_code == 404


def test_changing_a_password_needs_the_current_one_and_keeps_this_session(world):
    client = admin_client(world)
    wrong = post(client, "/password", "/password", current="nope", password=GOOD)
    assert wrong.status_code == 400 and "current password is not right" in wrong.get_data(True)
    world.services.clock.set(NOW + timedelta(seconds=3))
    changed = post(client, "/password", "/password", current=world.demo.admin_password, password=GOOD)
    assert changed.status_code == 302 and client.get("/patients").status_code == 200
    assert world.sign_in(world.demo.admin_email, world.demo.admin_password).status_code == 401


def test_reactivating_a_member_never_brings_back_a_session_from_before(world):
    provider = fresh(world)
    token = csrf_from(provider.get("/login"))
    provider.post("/login", data={"email": world.demo.provider_email, "password": world.demo.provider_password,
                                  "csrf_token": token})
    client = admin_client(world)
    world.services.clock.set(NOW + timedelta(seconds=2))
    post(client, f"/staff/{world.demo.provider_email}/deactivate", "/staff")
    post(client, f"/staff/{world.demo.provider_email}/reactivate", "/staff")
    assert provider.get("/patients").status_code == 302  # the old cookie stays dead
    world.services.clock.set(NOW + timedelta(seconds=3))
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 302


def test_guessing_the_current_password_on_the_change_form_is_throttled_like_sign_in(world):
    client = admin_client(world)
    answers = [post(client, "/password", "/password", current=f"guess {n}", password=GOOD).status_code
               for n in range(7)]
    assert answers == [400] * 5 + [429] * 2
    assert post(client, "/password", "/password", current=world.demo.admin_password, password=GOOD).status_code == 429
    world.services.clock.set(NOW + timedelta(minutes=16))
    assert post(client, "/password", "/password", current=world.demo.admin_password, password=GOOD).status_code == 302


def test_an_invitation_to_an_email_that_got_an_account_meanwhile_is_refused_cleanly(world):
    client = admin_client(world)
    post(client, "/staff/invite", "/staff", email=NEW, role="provider")
    link = link_in(world, NEW)
    world.services.accounts.add_user(world.demo.clinic.clinic_id, NEW, __import__("shared.domain.accounts",
                                     fromlist=["Role"]).Role.PROVIDER, "Twin", NOW)
    answer = post(fresh(world), link, link, password=GOOD)
    assert answer.status_code == 404 and "not valid any more" in answer.get_data(True)
