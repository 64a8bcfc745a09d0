"""Starts the whole service in one process: moto server, tables from infra/, the app, a Twilio endpoint, dev pages."""
from __future__ import annotations

import logging
import os
import secrets
import signal
import sys
import threading
from datetime import datetime, timedelta, timezone
from typing import Any

import requests
from twilio.request_validator import RequestValidator
from werkzeug.serving import make_server

from local.clock import SimulatedClock
from local.dev_routes import dev_blueprint, twiml_messages
from local.outbox import RecordingMailSender
from local.phone_network import PhoneNetwork, StatusCallbacks, delivered, messages_api
from local.scheduler import Schedule, Ticker
from local.seed import seed_demo_clinic, seed_second_clinic
from local.table_definition import create_table
from shared.adapters.ses_mail import SesMailSender
from local.settings import DevStackSettings
from local.workers import ThreadWorkers
from shared.config import Settings
from shared.domain.jobs import parse_utc

DEFAULTS = {
    "TAPERLINE_MODE": "local",
    "TABLE_NAME": "taperline-local",
    "TWILIO_ACCOUNT_SID": "AC00000000000000000000000000000001",
    "TWILIO_AUTH_TOKEN": "local-twilio-auth-token",
    "TWILIO_FROM_NUMBER": "+15005550006",
    "SES_SENDER": "taperline@example.org",
    "AWS_REGION": "us-east-1",
}


class DevStack:
    """moto server, the app, a Twilio-compatible endpoint, phones, outbox and simulated clock in one process."""

    def __init__(self, environ: dict[str, str]):
        self.environ = {**DEFAULTS, **{k: v for k, v in environ.items() if v != ""}}
        self.environ["TAPERLINE_MODE"] = "local"
        self.environ.setdefault("APP_SECRET", secrets.token_hex(32))
        self.local = DevStackSettings.from_env(self.environ)
        self._app: Any = None
        self.server = make_server("127.0.0.1", self.local.port, self._wsgi, threaded=True)
        self.base_url = f"http://127.0.0.1:{self.server.server_port}"

    def _wsgi(self, environ, start_response):
        return self._app(environ, start_response)

    def start(self) -> "DevStack":
        env = {**self.environ, "AWS_ENDPOINT_URL": self._start_aws(), "TWILIO_API_URL": self.base_url}
        env.setdefault("PUBLIC_BASE_URL", self.base_url)
        self.settings = Settings.from_env(env)
        self.clock = SimulatedClock(self._start_time())
        self._build_services()
        self._serve()
        return self

    def _start_aws(self) -> str:
        """Start moto server in this process; its URL. (Tests may point the stack elsewhere.)"""
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        from local.moto_atomic import atomic_moto

        self.moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.moto.start()
        # Atomic per request as DynamoDB is, and transactions that cost what DynamoDB's do: moto's own copy
        # every table per transaction item, so a plan change of 700 reminders took 20 s and more as data grew.
        self._moto_atomic = atomic_moto(self.moto)
        self._moto_atomic.__enter__()
        host, port = self.moto.get_host_and_port()
        return f"http://{host}:{port}"

    def _storage(self) -> dict[str, Any]:
        """The table and the SES identity on moto, and a mail sender that records what SES accepted."""
        from shared.wiring import aws_client

        create_table(aws_client(self.settings, "dynamodb"), self.settings.table_name, replace=True)
        aws_client(self.settings, "sesv2").create_email_identity(EmailIdentity=self.settings.ses_sender)
        return {"mail": RecordingMailSender(SesMailSender(aws_client(self.settings, "sesv2"), self.settings.ses_sender),
                                            self.clock)}

    def _start_time(self) -> datetime:
        if self.local.dev_start_time:
            return parse_utc(self.local.dev_start_time).replace(microsecond=0)
        return datetime.now(timezone.utc).replace(microsecond=0)

    def _build_services(self) -> None:
        from functions.dispatch import handler as dispatch_handler
        from functions.web.app import create_app
        from shared.wiring import build_services

        storage = self._storage()
        self.mail = storage["mail"]
        # Dispatch fans out here as deployed: the minute's run starts a worker per due shard (a thread each, as an
        # asynchronous invoke starts a Lambda), and the schedule waits for them before the clock moves on.
        self.workers = ThreadWorkers(lambda event: dispatch_handler.worker(event, None, services=self.services))
        self.services = build_services(self.settings, for_web=True, clock=self.clock, workers=self.workers, **storage)
        self.demo = seed_demo_clinic(self.services, self.local.local_api_key, self.local.demo_enrollments_per_minute)
        self.second = seed_second_clinic(self.services, f"{self.local.local_api_key}-lakeside" if self.local.local_api_key
                                         else "", self.local.demo_enrollments_per_minute)
        self.network = PhoneNetwork(self.clock, self.settings.twilio_account_sid, self.services.twilio_auth_token)
        self.callbacks = StatusCallbacks(self._post_status)
        self.schedule = Schedule(self.clock, self.services.store, self._dispatch, self.settings.aws_region,
                                 timedelta(minutes=self.settings.schedule_ahead_minutes))
        service_numbers = {self.settings.twilio_messaging_service_sid or "from": self.settings.twilio_from_number,
                           "lakeside": self.second.clinic.settings.sender_number}
        self._app = create_app(self.services, extra_blueprints=[
            dev_blueprint(self),
            messages_api(lambda: self.network, lambda: self.callbacks, lambda: service_numbers)])

    def _dispatch(self, event: dict) -> dict[str, int]:
        """One scheduled run and the workers it started, their reports summed (every dispatch count, 0 when none)."""
        from collections import Counter

        from functions.dispatch import handler as dispatch_handler
        from shared.services.dispatch import REPORT_KEYS

        report = Counter({key: 0 for key in REPORT_KEYS})
        for message in self.network.release_due():  # Twilio's scheduler: texts handed over ahead go at their SendAt
            delivered(message, self.callbacks, self.settings.twilio_account_sid)
        try:
            report.update(dispatch_handler.handler(event, None, services=self.services))
        finally:
            report.update(self.workers.settle())
        return dict(report)

    def _serve(self) -> None:
        self.server_thread = threading.Thread(target=self.server.serve_forever, name="http", daemon=True)
        self.server_thread.start()
        self.ticker = Ticker(self.schedule, self.local.dev_tick_seconds, self._tick_failed)
        self.ticker.start()

    def _tick_failed(self, exc: Exception) -> None:
        print(f"dispatch tick failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)

    # --- what Twilio would do -----------------------------------------------------------------
    def signed_post(self, path_and_query: str, form: dict[str, str]) -> requests.Response:
        """POST a form to our own webhook, signed over the public URL as Twilio signs it."""
        public = self.settings.public_base_url + path_and_query
        signature = RequestValidator(self.services.twilio_auth_token).compute_signature(public, form)
        return requests.post(self.base_url + path_and_query, data=form, timeout=15,
                             headers={"X-Twilio-Signature": signature})

    @property
    def service_numbers(self) -> dict[str, str]:
        """The service's numbers a phone can text, each with the clinic it belongs to (the default's first)."""
        return {self.settings.twilio_from_number: f"{self.demo.clinic.name} (the default sender)",
                self.second.clinic.settings.sender_number: self.second.clinic.name}

    def deliver_inbound(self, sender: str, body: str, sid: str, to: str = "") -> tuple[int, str]:
        """Deliver a text from a simulated phone to one of the service's numbers (the default sender's unless `to`
        names another) at /sms/inbound; record the TwiML reply as sent texts, from the number texted."""
        service_number = to or self.settings.twilio_from_number
        self.network.record(direction="inbound", to=service_number, from_=sender, body=body, status="received", sid=sid)
        form = {"From": sender, "To": service_number, "Body": body, "MessageSid": sid, "SmsMessageSid": sid,
                "AccountSid": self.settings.twilio_account_sid, "NumMedia": "0", "NumSegments": "1",
                "SmsStatus": "received", "ApiVersion": "2010-04-01"}
        response = self.signed_post("/sms/inbound", form)
        replies = twiml_messages(response.text) if response.status_code == 200 else []
        for text in replies:
            self.network.record(direction="outbound", to=sender, from_=service_number, body=text, status="sent")
        return response.status_code, "\n".join(replies)

    def _post_status(self, url: str, form: dict[str, str]) -> None:
        self.network.set_status(form["MessageSid"], form["MessageStatus"])
        if url.startswith(self.settings.public_base_url):
            self.signed_post(url[len(self.settings.public_base_url):], form)

    def stop(self) -> None:
        self.ticker.stop()
        self.server.shutdown()
        if getattr(self, "moto", None) is not None:  # only when this stack started it
            self._moto_atomic.__exit__(None, None, None)
            self.moto.stop()

    def banner(self) -> str:
        base = self.base_url
        return "\n".join([
            f"taperline local stack ready at {base}",
            f"  dev pages (phone simulator, email outbox, clock):  {base}/dev",
            f"  Twilio webhooks:   {self.settings.public_base_url}/sms/inbound  and  /sms/status",
            f"  JSON dev routes:   {base}/dev/messages  {base}/dev/emails  {base}/dev/clock  POST {base}/dev/phone",
            f"  local Twilio API:  {base}/2010-04-01/Accounts/{self.settings.twilio_account_sid}/Messages.json",
            f"  moto server (AWS): {self.settings.aws_endpoint_url}",
            f"  simulated now:     {self.clock.now().isoformat()}  (dispatch tick every {self.local.dev_tick_seconds:g}s)",
            f"  staff sign-in:     {base}/login   ({self.demo.clinic.name}, on the default sender "
            f"{self.settings.twilio_from_number})",
            f"    admin     {self.demo.admin_email}  password {self.demo.admin_password}",
            f"    provider  {self.demo.provider_email}  password {self.demo.provider_password}",
            f"  JSON API:          {base}/api/patients  (Authorization: Bearer {self.demo.api_key})",
            f"  {self.second.clinic.name}, texting from its own number {self.second.clinic.settings.sender_number}:",
            f"    admin     {self.second.admin_email}  password {self.second.admin_password}",
            f"    provider  {self.second.provider_email}  password {self.second.provider_password}",
            f"    JSON API  Authorization: Bearer {self.second.api_key}",
            f"  OpenAPI:           {base}/api/openapi.json",
        ])


def main() -> None:
    from shared.config import ConfigError

    try:
        stack = DevStack(DevStackSettings.environ()).start()
    except ConfigError as exc:
        print(f"taperline: {exc}", file=sys.stderr)
        sys.exit(2)
    print(stack.banner(), flush=True)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        stopped.wait()
    except KeyboardInterrupt:
        pass
    stack.stop()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # a dispatch run in flight holds no data worth waiting for: moto's state goes with us


if __name__ == "__main__":
    main()
