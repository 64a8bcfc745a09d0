"""The one place that builds the real dependencies from settings. Tests pass fakes as overrides."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.config import Settings
from shared.log import logger
from shared.services.delivery import DeliveryService
from shared.services.dispatch import Dispatcher
from shared.services.inbound import InboundService


@dataclass
class Services:
    settings: Settings
    clock: Any
    store: Any
    sms: Any
    mail: Any
    twilio_auth_token: str
    inbound: InboundService
    dispatcher: Dispatcher
    delivery: DeliveryService


def aws_client(settings: Settings, service: str) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(connect_timeout=3, read_timeout=5, retries={"max_attempts": 3, "mode": "standard"})
    local = {"aws_access_key_id": "local", "aws_secret_access_key": "local"} if settings.is_local else {}
    return boto3.session.Session().client(service, region_name=settings.aws_region, config=config,
                                          endpoint_url=settings.aws_endpoint_url or None, **local)


def twilio_auth_token(settings: Settings, ssm: Any = None) -> str:
    """The auth token: given directly (local), or read once from SSM Parameter Store (deployed)."""
    if settings.twilio_auth_token or not settings.twilio_auth_token_param:
        return settings.twilio_auth_token
    ssm = ssm or aws_client(settings, "ssm")
    found = ssm.get_parameter(Name=settings.twilio_auth_token_param, WithDecryption=True)
    return found["Parameter"]["Value"]


def build_services(settings: Settings, **overrides: Any) -> Services:
    """Build every service; any of clock, store, sms, mail, twilio_auth_token can be given instead."""
    if not overrides:
        settings.check_deployed()
    logger().setLevel(settings.log_level)
    clock = overrides.get("clock") or _system_clock()
    store = overrides.get("store") or _dynamo_store(settings)
    token = overrides.get("twilio_auth_token")
    if token is None:
        token = twilio_auth_token(settings)
    sms = overrides.get("sms") or _twilio_sender(settings, token)
    mail = overrides.get("mail") or _ses_sender(settings)
    return Services(
        settings=settings, clock=clock, store=store, sms=sms, mail=mail, twilio_auth_token=token,
        inbound=InboundService(inbox=store),
        dispatcher=Dispatcher(outbox=store, sms=sms, mail=mail, public_base_url=settings.public_base_url),
        delivery=DeliveryService(outbox=store),
    )


def _system_clock() -> Any:
    from shared.adapters.clock import SystemClock

    return SystemClock()


def _dynamo_store(settings: Settings) -> Any:
    from shared.adapters.dynamodb import DynamoStore

    return DynamoStore(aws_client(settings, "dynamodb"), settings.table_name, settings.due_shards)


def _twilio_sender(settings: Settings, token: str) -> Any:
    from shared.adapters.twilio_sms import TwilioSmsSender, build_twilio_client

    client = build_twilio_client(settings.twilio_account_sid, token, settings.twilio_api_url)
    return TwilioSmsSender(client, settings.twilio_from_number, settings.twilio_messaging_service_sid)


def _ses_sender(settings: Settings) -> Any:
    from shared.adapters.ses_mail import SesMailSender

    return SesMailSender(aws_client(settings, "sesv2"), settings.ses_sender)
