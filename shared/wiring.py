"""The one place that builds the real dependencies from settings. Tests pass fakes as overrides."""
from __future__ import annotations

import threading
import time
from datetime import timedelta
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, cast

from shared.config import Settings
from shared.log import logger
from shared.domain.job_kinds import Channel, handlers_of
from shared.services.checkins import CheckinService
from shared.services.clinic_settings import ClinicSettingsService
from shared.services.consent import CompletionService, ConsentService
from shared.services.dispatch import BeforeSend, Dispatcher, Pacer, Task
from shared.services.escalations import EscalationService
from shared.services.fanout import FanOut
from shared.services.live_settings import ClinicsNow, LiveStore
from shared.services.plans import PlanService
from shared.services.safety_net import SafetyService
from shared.services.scheduled_sends import CancelScheduled, HandAhead

if TYPE_CHECKING:
    from shared.services.accounts import AccountService
    from shared.services.delivery import DeliveryService
    from shared.services.enrollment import EnrollmentService
    from shared.services.inbound import InboundService
    from shared.services.ports import Clock, MailSender, SmsSender, Store, Workers
    from shared.services.records import RecordService
    from shared.services.messages import MessageService
    from shared.services.patient_edits import PatientEditService
    from shared.services.retention import ErasureService
    from shared.services.staff import StaffService


@dataclass
class Services:
    settings: Settings
    clock: Clock
    store: Store
    sms: SmsSender
    mail: MailSender
    twilio_auth_token: str
    app_secret: str
    dispatcher: Dispatcher
    escalations: EscalationService
    plans: PlanService
    clinics_now: ClinicsNow
    fanout: FanOut | None = None  # the minute's run starts a worker per due shard, when there are workers

    # Only the web function uses these: built (and their modules imported) on first use, so dispatch's
    # cold start does not pay for them.
    @cached_property
    def inbound(self) -> InboundService:
        from shared.services.inbound import InboundService

        return InboundService(inbox=self.store, public_base_url=self.settings.public_base_url,
                              cancels_scheduled=bool(self.settings.schedule_ahead_minutes))

    @cached_property
    def delivery(self) -> DeliveryService:
        from shared.services.delivery import DeliveryService

        return DeliveryService(outbox=self.store)

    @cached_property
    def staff(self) -> StaffService:
        from shared.services.staff import StaffService

        return StaffService(store=self.store, mail=self.mail, public_base_url=self.settings.public_base_url)

    @cached_property
    def messages(self) -> MessageService:
        from shared.services.messages import MessageService

        return MessageService(store=self.store)

    @cached_property
    def edits(self) -> PatientEditService:
        from shared.services.patient_edits import PatientEditService

        return PatientEditService(store=self.store, cancels_scheduled=bool(self.settings.schedule_ahead_minutes))

    @cached_property
    def erasure(self) -> ErasureService:
        from shared.services.retention import ErasureService

        return ErasureService(patients=self.store)

    @cached_property
    def clinic_settings(self) -> ClinicSettingsService:
        return ClinicSettingsService(store=self.store, clinics_now=self.clinics_now,
                                     cancels_scheduled=bool(self.settings.schedule_ahead_minutes))

    @cached_property
    def accounts(self) -> AccountService:
        from shared.services.accounts import AccountService

        return AccountService(accounts=self.store)

    @cached_property
    def enrollment(self) -> EnrollmentService:
        from shared.services.enrollment import EnrollmentService

        return EnrollmentService(patients=self.store, accounts=self.store)

    @cached_property
    def records(self) -> RecordService:
        from shared.services.records import RecordService

        return RecordService(store=self.store)


def aws_client(settings: Settings, service: str) -> Any:
    import boto3
    from botocore.config import Config

    # Dispatch sends from several threads and the local stack serves many requests at once: one pool for all.
    config = Config(connect_timeout=3, read_timeout=5, retries={"max_attempts": 3, "mode": "standard"},
                    max_pool_connections=50)
    local = {"aws_access_key_id": "local", "aws_secret_access_key": "local"} if settings.is_local else {}
    return boto3.session.Session().client(service, region_name=settings.aws_region, config=config,
                                          endpoint_url=settings.aws_endpoint_url or None, **local)


def secret(settings: Settings, value: str, param: str, ssm: Any = None) -> str:
    """A secret given directly (local), or read once from SSM Parameter Store (deployed)."""
    if value or not param:
        return value
    ssm = ssm or aws_client(settings, "ssm")
    read: str = ssm.get_parameter(Name=param, WithDecryption=True)["Parameter"]["Value"]  # boto3 is untyped
    return read


def build_services(settings: Settings, *, for_web: bool = False, **overrides: Any) -> Services:
    """Build every service; any of clock, store, sms, mail, twilio_auth_token, app_secret, workers can be given
    instead (workers: dispatch fans out to them; else to the worker Lambda when one is set, else it sends itself).

    Only the web function signs sessions and forms, so only it reads the app secret.
    """
    if not overrides:
        settings.check_deployed(for_web)
    logger().setLevel(settings.log_level)
    clock = overrides.get("clock") or _system_clock()
    # Either store binds each port's methods when built (ports.Aggregates), which mypy cannot follow: cast
    # once here; tests/contract holds both stores to every method of every port. Patients are read with their
    # clinic's settings as they are now (services/live_settings.py).
    stored = overrides.get("store") or _dynamo_store(settings)
    clinics_now = ClinicsNow(stored, time.monotonic)
    store = cast("Store", LiveStore(stored, clinics_now))
    token = overrides.get("twilio_auth_token")
    if token is None:
        token = secret(settings, settings.twilio_auth_token, settings.twilio_auth_token_param)
    app_secret = overrides.get("app_secret") or (
        secret(settings, settings.app_secret, settings.app_secret_param) if for_web else "")
    sms = cast("SmsSender", overrides.get("sms") or Lazy(lambda: _twilio_sender(settings, token)))
    mail = cast("MailSender", overrides.get("mail") or Lazy(lambda: _ses_sender(settings)))
    checkin = CheckinService(store=store)
    takes_back = bool(settings.schedule_ahead_minutes)  # reminders handed to Twilio ahead: re-plans cancel them there
    plans = PlanService(store=store, cancels_scheduled=takes_back)
    escalation = EscalationService(store=store, public_base_url=settings.public_base_url, plans=plans)
    # Handlers by the names job_kinds gives them: a task's work, or what runs just before a text goes out.
    tasks: dict[str, Task] = {
        "consent.expire": ConsentService(patients=store).expire,
        "completion.complete": CompletionService(patients=store).complete, "plans.extend_hold": plans.extend_hold,
        "checkins.close": checkin.close, "escalations.evaluate": escalation.evaluate,
        "escalations.contact_request": escalation.contact_request, "escalations.overdue": escalation.overdue,
        "safety.unanswered": SafetyService(store, settings.public_base_url).unanswered,
        "scheduled.cancel": CancelScheduled(store, sms).cancel,
        "settings.plan_again": ClinicSettingsService(store, clinics_now, takes_back).plan_again}
    before_send: dict[str, BeforeSend] = {"checkins.open": checkin.open, "checkins.nudge": checkin.nudge}
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=mail, public_base_url=settings.public_base_url, patients=store,
                            tasks={kind: tasks[name] for kind, name in handlers_of(Channel.TASK).items()},
                            before_send={kind: before_send[name] for kind, name in handlers_of(Channel.SMS).items()},
                            pacer=Pacer(settings.sms_per_second_each, time.monotonic, time.sleep),
                            concurrency=settings.dispatch_concurrency)
    lead = timedelta(minutes=settings.schedule_ahead_minutes)
    if lead:
        dispatcher.ahead = HandAhead(store, sms, lead, bool(settings.twilio_messaging_service_sid),
                                     dispatcher.status_callback_url)
    workers = overrides.get("workers") or (Lazy(lambda: _lambda_workers(settings)) if settings.fans_out else None)
    return Services(
        settings=settings, clock=clock, store=store, sms=sms, mail=mail, twilio_auth_token=token,
        app_secret=app_secret, dispatcher=dispatcher, escalations=escalation, plans=plans, clinics_now=clinics_now,
        fanout=FanOut(outbox=store, workers=cast("Workers", workers), looks_ahead=lead) if workers else None,
    )


class Lazy:
    """A sender built on its first use: the web function never sends (twilio.rest and the SES client stay
    unloaded there), and a dispatch run with nothing due builds neither. Safe across dispatch's threads."""

    def __init__(self, build: Callable[[], Any]):
        self._build = build
        self._target: Any = None
        self._lock = threading.Lock()

    def built(self) -> Any:
        if self._target is None:
            with self._lock:
                if self._target is None:
                    self._target = self._build_or_fail()
        return self._target

    def _build_or_fail(self) -> Any:
        """A sender that cannot be built (its secret unreadable, say) fails the send before anything went out:
        retryable, like any passing outage, so no claimed job is left to lapse."""
        from shared.errors import SendError

        try:
            return self._build()
        except Exception as exc:  # noqa: BLE001 - whatever broke, nothing was sent
            raise SendError(f"sender unavailable: {type(exc).__name__}", code="sender_unavailable",
                            retryable=True) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.built(), name)


def _system_clock() -> Clock:
    from shared.adapters.clock import SystemClock

    return SystemClock()


def _dynamo_store(settings: Settings) -> Any:
    from shared.adapters.dynamodb import DynamoStore

    return DynamoStore(aws_client(settings, "dynamodb"), settings.table_name, settings.due_shards)


def _twilio_sender(settings: Settings, token: str) -> Any:
    from shared.adapters.twilio_sms import TwilioSmsSender, build_twilio_client

    client = build_twilio_client(settings.twilio_account_sid, token, settings.twilio_api_url)
    return TwilioSmsSender(client, settings.twilio_from_number, settings.twilio_messaging_service_sid)


def _lambda_workers(settings: Settings) -> Any:
    from shared.adapters.lambda_workers import LambdaWorkers

    return LambdaWorkers(aws_client(settings, "lambda"), settings.dispatch_worker_function)


def _ses_sender(settings: Settings) -> Any:
    from shared.adapters.ses_mail import SesMailSender

    return SesMailSender(aws_client(settings, "sesv2"), settings.ses_sender)
