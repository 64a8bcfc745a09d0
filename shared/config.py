"""One typed settings object, read from the environment once. Nothing else reads os.environ."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping


class ConfigError(ValueError):
    """A setting is missing or malformed."""


MODES = ("local", "aws")


@dataclass(frozen=True)
class Settings:
    """What every function needs to know about its surroundings."""

    mode: str = "aws"
    table_name: str = "taperline"
    public_base_url: str = "http://127.0.0.1:8000"
    twilio_account_sid: str = ""
    twilio_auth_token: str = field(default="", repr=False)
    twilio_auth_token_param: str = ""
    app_secret: str = field(default="", repr=False)
    app_secret_param: str = ""
    twilio_from_number: str = ""
    twilio_messaging_service_sid: str = ""
    twilio_api_url: str = ""
    ses_sender: str = "taperline@example.org"
    aws_region: str = "us-east-1"
    aws_endpoint_url: str = ""
    due_shards: int = 8
    sms_per_second: float = 10.0
    dispatch_concurrency: int = 8
    dispatch_worker_function: str = ""
    twilio_concurrency: int = 100
    schedule_ahead_minutes: int = 0
    log_level: str = "INFO"

    @property
    def is_local(self) -> bool:
        return self.mode == "local"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        settings = cls(
            mode=env.get("TAPERLINE_MODE", "aws"),
            table_name=env.get("TABLE_NAME", "taperline"),
            public_base_url=env.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/"),
            twilio_account_sid=env.get("TWILIO_ACCOUNT_SID", ""),
            twilio_auth_token=env.get("TWILIO_AUTH_TOKEN", ""),
            twilio_auth_token_param=env.get("TWILIO_AUTH_TOKEN_PARAM", ""),
            app_secret=env.get("APP_SECRET", ""),
            app_secret_param=env.get("APP_SECRET_PARAM", ""),
            twilio_from_number=env.get("TWILIO_FROM_NUMBER", ""),
            twilio_messaging_service_sid=env.get("TWILIO_MESSAGING_SERVICE_SID", ""),
            twilio_api_url=env.get("TWILIO_API_URL", "").rstrip("/"),
            ses_sender=env.get("SES_SENDER", "taperline@example.org"),
            aws_region=env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "us-east-1")),
            aws_endpoint_url=env.get("AWS_ENDPOINT_URL", ""),
            due_shards=positive_int(env, "DUE_SHARDS", 8),
            sms_per_second=non_negative_float(env, "SMS_PER_SECOND", 10.0),
            dispatch_concurrency=positive_int(env, "DISPATCH_CONCURRENCY", 8),
            dispatch_worker_function=env.get("DISPATCH_WORKER_FUNCTION", ""),
            twilio_concurrency=positive_int(env, "TWILIO_CONCURRENCY", 100),
            schedule_ahead_minutes=positive_int(env, "SCHEDULE_AHEAD_MINUTES", 0, allow_zero=True),
            log_level=env.get("LOG_LEVEL", "INFO").upper(),
        )
        settings.check()
        return settings

    def check(self) -> None:
        """Raise ConfigError when the settings cannot work together."""
        if self.mode not in MODES:
            raise ConfigError(f"TAPERLINE_MODE must be one of {MODES}, not {self.mode!r}")
        if not self.public_base_url.startswith(("http://", "https://")):
            raise ConfigError("PUBLIC_BASE_URL must start with http:// or https://")
        if self.mode == "aws" and self.twilio_api_url:
            raise ConfigError("TWILIO_API_URL is for local mode only")
        if self.mode == "aws" and self.aws_endpoint_url:
            raise ConfigError("AWS_ENDPOINT_URL is for local mode only")
        if self.sends_in_flight > self.twilio_concurrency:
            raise ConfigError(f"{self.sends_in_flight} sends in flight (DUE_SHARDS x DISPATCH_CONCURRENCY with "
                              f"DISPATCH_WORKER_FUNCTION) exceed TWILIO_CONCURRENCY={self.twilio_concurrency}")

        if self.schedule_ahead_minutes and not 16 <= self.schedule_ahead_minutes <= 35 * 24 * 60:
            raise ConfigError("SCHEDULE_AHEAD_MINUTES must be 0 (off) or from 16 to 50400 (Twilio schedules a text "
                              "15 minutes to 35 days ahead)")

    @property
    def fans_out(self) -> bool:
        """Whether the minute's run starts a worker Lambda per due shard instead of sending itself."""
        return bool(self.dispatch_worker_function)

    @property
    def sends_in_flight(self) -> int:
        """The most Twilio requests dispatch has in flight at once: one run's, or every shard's worker's."""
        return self.dispatch_concurrency * (self.due_shards if self.fans_out else 1)

    @property
    def sms_per_second_each(self) -> float:
        """One sending process's share of SMS_PER_SECOND: each worker Lambda paces alone, and at most DUE_SHARDS
        of them run at once (the worker's reserved concurrency)."""
        return self.sms_per_second / self.due_shards if self.fans_out else self.sms_per_second

    def check_deployed(self, for_web: bool = False) -> None:
        """Raise ConfigError when a deployed function lacks what it needs (Twilio; the web's app secret)."""
        missing = [name for name, value in (
            ("TWILIO_ACCOUNT_SID", self.twilio_account_sid),
            ("TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID",
             self.twilio_from_number or self.twilio_messaging_service_sid),
            ("TWILIO_AUTH_TOKEN or TWILIO_AUTH_TOKEN_PARAM", self.twilio_auth_token or self.twilio_auth_token_param),
            ("APP_SECRET or APP_SECRET_PARAM", self.app_secret or self.app_secret_param or not for_web),
            ("TABLE_NAME", self.table_name)) if not value]
        if missing:
            raise ConfigError("missing settings: " + ", ".join(missing))


def positive_int(env: Mapping[str, str], name: str, default: int, allow_zero: bool = False) -> int:
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from exc
    if value < 0 or (value == 0 and not allow_zero):
        raise ConfigError(f"{name} must be positive, not {value}")
    return value


def non_negative_float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from exc
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value
