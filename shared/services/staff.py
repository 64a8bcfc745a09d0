"""A clinic's staff without a developer: invitations, roles, deactivation, forgotten and changed passwords.

Links are one-time tokens: a random secret in the emailed link, only its SHA-256 kept (72 hours for an
invitation, 1 hour for a reset). A reset never says whether an email has an account."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from shared.domain.accounts import Caller, Role, User
from shared.errors import AlreadyExists, Conflict, NotAllowed, NotFound, Refused
from shared.log import logger
from shared.services.accounts import hash_password
from shared.services.ports import Accounts, MailSender, Sessions

INVITE, RESET = "invite", "reset"
INVITE_LIFETIME, RESET_LIFETIME = timedelta(hours=72), timedelta(hours=1)
MIN_PASSWORD = 12


class StaffStore(Accounts, Sessions, Protocol):
    """Staff accounts, their one-time links and their sign-in counters."""


class LinkInvalid(NotFound):
    """An unknown, used or expired link."""

    public = "This link is not valid any more: it was used, or it expired. Ask for a new one."


class PasswordRefused(Refused):
    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"password": [str(self)]}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_password(password: str, email: str) -> None:
    """At least 12 characters, and not the email (NIST SP 800-63B: length over composition rules)."""
    if len(password) < MIN_PASSWORD:
        raise PasswordRefused(f"Use at least {MIN_PASSWORD} characters.")
    if password.strip().lower() == email.lower():
        raise PasswordRefused("The password cannot be your email address.")


@dataclass
class StaffService:
    store: StaffStore
    mail: MailSender
    public_base_url: str

    def staff(self, caller: Caller) -> list[User]:
        return self.store.users_of(caller.clinic_id)

    def invite(self, caller: Caller, email: str, role: Role, name: str, now: datetime) -> str:
        """Email a one-time link (72 h) to join the caller's clinic; returns the link (shown to the admin too)."""
        self._admin(caller)
        email = email.strip().lower()
        if self.store.get_user(email) is not None:
            raise Conflict("This email cannot be invited: it has an account already. Ask them to sign in with it, "
                           "or invite another address.")
        token = secrets.token_urlsafe(32)
        self.store.put_token(INVITE, token_hash(token), {"email": email, "clinic_id": caller.clinic_id,
                                                          "role": role.value, "name": name, "by": caller.email},
                             now + INVITE_LIFETIME)
        link = f"{self.public_base_url}/invite/{token}"
        clinic = self.store.get_clinic(caller.clinic_id)
        clinic_name = clinic.name if clinic else "your clinic"
        self.mail.send(email, f"You are invited to {clinic_name} on taperline",
                       f"{caller.email} invited you to {clinic_name} on taperline as {role.value}.\n\n"
                       f"Set your password within 72 hours: {link}\n",
                       f"<p>{caller.email} invited you to {clinic_name} on taperline as {role.value}.</p>"
                       f"<p><a href=\"{link}\">Set your password</a> within 72 hours.</p>")
        logger().info("staff invited", extra={"clinic_id": caller.clinic_id, "role": role.value})
        return link

    def accept_invite(self, token: str, password: str, name: str, now: datetime) -> User:
        """The invited person sets a password: their account exists from now, and the link is spent."""
        invitation = self.store.read_token(INVITE, token_hash(token), now)
        if invitation is None:
            raise LinkInvalid(token)
        check_password(password, invitation["email"])  # a refused password leaves the link usable
        if self.store.take_token(INVITE, token_hash(token), now) is None:  # spent meanwhile
            raise LinkInvalid(token)
        user = User(email=invitation["email"], clinic_id=invitation["clinic_id"], role=Role(invitation["role"]),
                    name=name.strip() or invitation.get("name", ""), password_hash=hash_password(password),
                    password_changed_at=now)
        try:
            self.store.put_user(user, now)
        except AlreadyExists as exc:  # the email got an account since the invitation
            raise LinkInvalid(token) from exc
        logger().info("staff joined", extra={"clinic_id": user.clinic_id, "role": user.role.value})
        return user

    def set_role(self, caller: Caller, email: str, role: Role) -> User:
        user = self._member(caller, email)
        if user.role is Role.ADMIN and role is not Role.ADMIN:
            self._not_the_last_admin(caller, user)
        updated = replace(user, role=role)
        self.store.save_user(updated)
        return updated

    def set_active(self, caller: Caller, email: str, active: bool, now: datetime) -> User:
        """Deactivate (their sessions end for good: reactivating asks them to sign in again) or reactivate."""
        user = self._member(caller, email)
        if not active and user.role is Role.ADMIN:
            self._not_the_last_admin(caller, user)
        updated = replace(user, active=active) if active else replace(user, active=False, password_changed_at=now)
        self.store.save_user(updated)
        logger().info("staff deactivated" if not active else "staff reactivated", extra={"clinic_id": caller.clinic_id})
        return updated

    def forgot(self, email: str, now: datetime) -> None:
        """Email a one-time reset link (1 h) if the email has an active account; the same answer either way."""
        user = self.store.get_user(email.strip().lower())
        if user is None or not user.active:
            logger().info("password reset asked for no account")
            return
        token = secrets.token_urlsafe(32)
        self.store.put_token(RESET, token_hash(token), {"email": user.email}, now + RESET_LIFETIME)
        link = f"{self.public_base_url}/password/reset/{token}"
        self.mail.send(user.email, "Reset your taperline password",
                       f"Someone asked to reset your taperline password. Set a new one within an hour: {link}\n\n"
                       "If it was not you, ignore this email: your password stays as it is.\n",
                       f"<p>Someone asked to reset your taperline password. <a href=\"{link}\">Set a new one</a> "
                       "within an hour.</p><p>If it was not you, ignore this email: your password stays as it is.</p>")

    def reset(self, token: str, password: str, now: datetime) -> User:
        """A new password through a reset link: other sessions end, a throttled account may sign in again."""
        asked = self.store.read_token(RESET, token_hash(token), now)
        user = self.store.get_user(asked["email"]) if asked else None
        if user is None or not user.active:
            raise LinkInvalid(token)
        check_password(password, user.email)  # a refused password leaves the link usable
        if self.store.take_token(RESET, token_hash(token), now) is None:
            raise LinkInvalid(token)
        updated = replace(user, password_hash=hash_password(password), password_changed_at=now)
        self.store.save_user(updated)
        self.store.clear_login_failures(user.email)
        return updated

    def change_password(self, email: str, current: str, new: str, now: datetime) -> User:
        """A new password for a signed-in user who gives the current one (guesses are throttled as sign-ins)."""
        from shared.services.accounts import (FAILURE_WINDOW, MAX_FAILURES, SignInRefused, SignInThrottled,
                                              password_matches)

        if self.store.record_login_failure(email, now, FAILURE_WINDOW) > MAX_FAILURES:
            raise SignInThrottled(email)
        user = self.store.get_user(email)
        if user is None or not password_matches(current, user.password_hash):
            raise SignInRefused(email)
        self.store.clear_login_failures(email)
        check_password(new, user.email)
        updated = replace(user, password_hash=hash_password(new), password_changed_at=now)
        self.store.save_user(updated)
        return updated

    def _member(self, caller: Caller, email: str) -> User:
        self._admin(caller)
        user = self.store.get_user(email.strip().lower())
        if user is None or user.clinic_id != caller.clinic_id:
            raise NotFound("No such member of this clinic.")
        return user

    def _not_the_last_admin(self, caller: Caller, user: User) -> None:
        admins = [u for u in self.store.users_of(caller.clinic_id) if u.role is Role.ADMIN and u.active]
        if [u.email for u in admins] == [user.email]:
            raise Conflict("A clinic keeps at least one active admin: make someone else admin first.")

    @staticmethod
    def _admin(caller: Caller) -> None:
        if caller.role is not Role.ADMIN:
            raise NotAllowed("Only clinic admins manage staff.")
