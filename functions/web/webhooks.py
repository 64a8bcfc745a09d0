"""Twilio webhooks: inbound texts and delivery status callbacks, each signature-checked."""
from __future__ import annotations

from functools import wraps

from flask import Blueprint, Response, abort, request
from flask.typing import ResponseReturnValue
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from functions.web.auth import P, View, services
from shared.domain.safety_question import REPLY_BREAK
from shared.domain.senders import DefaultSender
from shared.log import logger
from shared.services.ports import InboundSms

bp = Blueprint("webhooks", __name__)


def public_url() -> str:
    """The URL Twilio signed: the configured public base, not what the proxy shows Flask."""
    query = request.query_string.decode()
    return services().settings.public_base_url + request.path + (f"?{query}" if query else "")


def twilio_signed(view: View[P]) -> View[P]:
    """Refuse (403) any request not signed by our Twilio account."""

    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        svc = services()
        signature = request.headers.get("X-Twilio-Signature", "")
        valid = bool(signature) and RequestValidator(svc.twilio_auth_token).validate(public_url(), request.form, signature)
        if not valid or request.form.get("AccountSid") != svc.settings.twilio_account_sid:
            logger().warning("webhook refused", extra={"path": request.path, "signed": bool(signature)})
            abort(403, "The request is not signed by this service's Twilio account.")
        return view(*args, **kwargs)

    return checked


def twiml(reply: str) -> Response:
    """The reply as TwiML: one <Message> (one SMS) per text of it."""
    response = MessagingResponse()
    for text in reply.split(REPLY_BREAK) if reply else ():
        response.message(text)
    return Response(str(response), mimetype="application/xml")


@bp.post("/sms/inbound")
@twilio_signed
def inbound() -> Response:
    form = request.form
    if not form.get("MessageSid") or not form.get("From"):
        abort(400, "MessageSid and From are required.")
    svc = services()
    default = DefaultSender(svc.settings.twilio_from_number, svc.settings.twilio_messaging_service_sid)
    sms = InboundSms(message_sid=form["MessageSid"], from_number=form["From"], to_number=form.get("To", ""),
                     body=form.get("Body", ""), received_at=svc.clock.now(),
                     sender=default.inbound_key(form.get("To", ""), form.get("MessagingServiceSid", "")))
    result = svc.inbound.handle(sms)
    return twiml(result.reply)


@bp.post("/sms/status")
@twilio_signed
def status() -> Response:
    patient_id, job_id = request.args.get("patient", ""), request.args.get("job", "")
    sid, state = request.form.get("MessageSid", ""), request.form.get("MessageStatus", "")
    if not (patient_id and job_id and sid and state):
        abort(400, "patient, job, MessageSid and MessageStatus are required.")
    svc = services()
    svc.delivery.record(patient_id, job_id, sid, state, svc.clock.now(), request.form.get("ErrorCode", ""))
    return Response(status=204)
