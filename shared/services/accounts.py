"""Clinic accounts: creating clinics and staff, signing in (throttled), API keys."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from shared.domain.accounts import LAST_USED_EVERY, ApiKey, Caller, Role, User
from shared.domain.clinic_settings import ClinicSettings
from shared.domain.patients import Clinic
from shared.domain.settings_changes import clinic_name
from shared.errors import NotSignedIn, StoreUnavailable, Throttled
from shared.log import logger
from shared.services.ports import AccountsAndSignIns

# OWASP Password Storage Cheat Sheet: argon2id with 19 MiB of memory, 2 iterations, 1 lane.
ARGON2_MEMORY_KIB, ARGON2_TIME_COST, ARGON2_PARALLELISM = 19 * 1024, 2, 1
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


class SignInRefused(NotSignedIn):
    """Wrong email or password (never says which)."""

    public = "Wrong email or password."


class SignInThrottled(Throttled):
    """Too many failed attempts for this email; try again later."""

    public = "Too many failed attempts. Try again in 15 minutes."


@lru_cache(maxsize=1)
def _hasher() -> Any:  # argon2-cffi ships no type information
    from argon2 import PasswordHasher, Type

    return PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM,
                          hash_len=32, salt_len=16, type=Type.ID)


def hash_password(password: str) -> str:
    """argon2id at OWASP's parameters, with a random salt, in the standard encoded form ($argon2id$v=19$...)."""
    return str(_hasher().hash(password))


def password_matches(password: str, stored: str) -> bool:
    """True when the password matches the stored hash: argon2id, or an older scrypt$n$r$p$salt$hash."""
    if stored.startswith("$argon2id$"):
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(_hasher().verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        trial = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                               dklen=32, maxmem=2**28)
    except ValueError:
        return False
    return hmac.compare_digest(trial, base64.b64decode(digest))


def needs_rehash(stored: str) -> bool:
    """A hash made before argon2id, or with weaker parameters than today's: replace it at the next sign-in."""
    from argon2.exceptions import InvalidHashError

    if not stored.startswith("$argon2id$"):
        return True
    try:
        return bool(_hasher().check_needs_rehash(stored))
    except InvalidHashError:
        return True


def api_key_hash(key: str) -> str:
    """API keys are long random strings, so a plain SHA-256 is the right hash (no salt needed)."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_password() -> str:
    return secrets.token_urlsafe(12)


@dataclass
class AccountService:
    accounts: AccountsAndSignIns

    def create_clinic(self, name: str, contact_phone: str, now: datetime, settings: dict[str, Any] | None = None) -> Clinic:
        typed = ClinicSettings.from_dict(settings)  # a bad setting fails here, not at a patient's first text
        clinic = Clinic(clinic_id=secrets.token_hex(8), name=clinic_name(name), contact_phone=contact_phone, settings=typed)
        self.accounts.put_clinic(clinic, now)
        return clinic

    def add_user(self, clinic_id: str, email: str, role: Role, name: str, now: datetime,
                 password: str | None = None) -> tuple[User, str]:
        """Add a staff member; returns the user and the password set (generated when not given)."""
        password = password or new_password()
        user = User(email=email.strip().lower(), clinic_id=clinic_id, role=role, name=name,
                    password_hash=hash_password(password))
        self.accounts.put_user(user, now)
        return user, password

    def create_api_key(self, clinic_id: str, label: str, now: datetime, key: str | None = None) -> str:
        key = key or "tl_" + secrets.token_urlsafe(32)
        self.accounts.put_api_key(api_key_hash(key), clinic_id, label, now)
        return key

    def revoke_api_key(self, clinic_id: str, key: str, now: datetime) -> bool:
        """Revoke one of the clinic's API keys at once: every later request with it is a 401."""
        revoked = bool(key) and self.accounts.revoke_api_key(api_key_hash(key), clinic_id, now)
        logger().info("api key revoked" if revoked else "api key not revoked: unknown to this clinic",
                      extra={"clinic_id": clinic_id})
        return revoked

    def caller_for_api_key(self, key: str, now: datetime | None = None) -> Caller | None:
        """The clinic a live key belongs to (as its admin); its use is noted when `now` is given."""
        key_hash = api_key_hash(key) if key else ""
        found = self.accounts.api_key(key_hash) if key else None
        clinic_id = found.clinic_id if found and found.revoked_at is None else None
        if clinic_id and now is not None and _use_unnoted(found, now):  # a write at most hourly, not per request
            try:
                self.accounts.api_key_used(key_hash, clinic_id, now)
            except StoreUnavailable:  # "last used" is a convenience: never refuse a request for it
                logger().warning("api key use not noted")
        # who it is in audit entries and the erasure log: the key's public id (the start of its hash)
        return Caller(clinic_id=clinic_id, role=Role.ADMIN, email=f"api key {key_hash[:12]}") if clinic_id else None

    def api_keys(self, clinic_id: str) -> list[ApiKey]:
        return self.accounts.api_keys_of(clinic_id)

    def revoke_api_key_by_hash(self, clinic_id: str, key_hash: str, now: datetime) -> bool:
        """Revoke a key the clinic's admin picked on their page (they never see the key, only its hash)."""
        return self.accounts.revoke_api_key(key_hash, clinic_id, now)

    def sign_in(self, email: str, password: str, now: datetime) -> User:
        """The user, if the password is right. Each attempt is counted atomically *before* the password is
        checked, so parallel guesses cannot all be tried: past MAX_FAILURES in the window the rest are refused
        unchecked (a reset link still signs the person in). A deactivated user is refused like a wrong password."""
        email = email.strip().lower()
        if self.accounts.record_login_failure(email, now, FAILURE_WINDOW) > MAX_FAILURES:
            logger().warning("sign-in throttled")
            raise SignInThrottled(email)
        user = self.accounts.get_user(email)
        # the same argon2 work whoever asks (no account, a deactivated one): no enumeration by timing
        matches = password_matches(password, user.password_hash if user else _dummy_hash())
        if user is None or not user.active or not matches:
            raise SignInRefused(email)
        self.accounts.clear_login_failures(email)
        if needs_rehash(user.password_hash):  # an older scrypt hash becomes argon2id with the right password
            self.accounts.set_password_hash(user.email, hash_password(password))
        return user

    def session_user(self, email: str, clinic_id: str, issued_at: datetime, now: datetime) -> User | None:
        """The user behind a session, read again on every request: None when they were deactivated, moved,
        changed their password since, or the session is past its absolute lifetime."""
        user = self.accounts.get_user(email)
        if user is None or user.clinic_id != clinic_id or not user.session_holds(issued_at, now):
            return None
        return user

    def user(self, email: str) -> User | None:
        return self.accounts.get_user(email)

    def clinic(self, clinic_id: str) -> Clinic | None:
        return self.accounts.get_clinic(clinic_id)

    def providers_of(self, clinic_id: str) -> list[User]:
        return [u for u in self.accounts.users_of(clinic_id) if u.role is Role.PROVIDER]


def _use_unnoted(key: ApiKey | None, now: datetime) -> bool:
    """Whether the key's "last used" is older than an hour (or never written)."""
    return key is not None and (key.last_used_at is None or now - key.last_used_at >= LAST_USED_EVERY)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(8))
