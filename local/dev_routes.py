"""Dev routes (local mode only): the phone simulator, the email outbox and the simulated clock."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from typing import Any, Callable

from flask import Blueprint, abort, jsonify, render_template, request

from local.clock import ClockMovedBackwards
from local.phone_network import E164, PhoneNetwork, new_sid
from shared.domain.jobs import parse_utc, utc_iso


def twiml_messages(xml: str) -> list[str]:
    """The texts of each <Message> in a TwiML reply."""
    if not xml.strip():
        return []
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return []
    return [(node.findtext("Body") or node.text or "").strip() for node in root.iter("Message")]


def dev_blueprint(stack: Any) -> Blueprint:
    """Routes over a running DevStack (its network, outbox, schedule and webhook poster)."""
    bp = Blueprint("dev", __name__, template_folder="templates", static_folder="static", static_url_path="/dev/static")
    network: Callable[[], PhoneNetwork] = lambda: stack.network

    @bp.get("/dev")
    def home():
        return render_template("dev.html", service_numbers=stack.service_numbers)

    @bp.get("/dev/messages")
    def messages():
        return jsonify({"messages": network().sent(request.args.get("to") or None)})

    @bp.get("/dev/threads")
    def threads():
        """One thread per phone and service number it talks with (the default sender's first)."""
        numbers = stack.service_numbers
        default = next(iter(numbers))
        return jsonify({"threads": [{"phone": phone, "service_number": service, "clinic": numbers[service],
                                     "default": service == default, "messages": network().thread(phone, service)}
                                    for phone, service in network().conversations(list(numbers))]})

    @bp.post("/dev/phone")
    def phone():
        data = json_object()
        sender, body = str(data.get("from", "")).strip(), data.get("body")
        to = str(data.get("to") or "").strip() or next(iter(stack.service_numbers))
        if not E164.match(sender):
            abort(400, "'from' must be a phone number in E.164 form, like +15551234567.")
        if not isinstance(body, str):
            abort(400, "'body' must be the text of the message.")
        if to not in stack.service_numbers:
            abort(400, "'to' must be one of the service's numbers: " + ", ".join(stack.service_numbers) + ".")
        sid = str(data.get("message_sid") or new_sid())
        status, reply = stack.deliver_inbound(sender, body, sid, to)
        return jsonify({"status": status, "reply": reply, "message_sid": sid})

    @bp.get("/dev/emails")
    def emails():
        return jsonify({"emails": [{k: e[k] for k in ("to", "subject", "text", "html", "sent_at")}
                                   for e in stack.mail.sent]})

    @bp.get("/dev/clock")
    def clock():
        following = stack.schedule.next_due_minute()
        return jsonify({"now": utc_iso(stack.clock.now()), "next_due": utc_iso(following) if following else None})

    @bp.post("/dev/clock")
    def move_clock():
        data = json_object()
        target = _target(data, stack)
        try:
            report = stack.schedule.move_to(target)
        except ClockMovedBackwards as exc:
            return jsonify({"error": "Conflict", "message": str(exc), "now": utc_iso(stack.clock.now())}), 409
        return jsonify({"now": utc_iso(stack.clock.now()), "dispatch": report})

    return bp


MAX_ADVANCE_MINUTES = 10 * 366 * 24 * 60


def json_object() -> dict:
    """The request's JSON object, or a clear 400."""
    data = request.get_json(silent=True)
    if data is None:
        abort(400, "The request body is not JSON (send Content-Type: application/json).")
    if not isinstance(data, dict):
        abort(400, "Send a JSON object, like {\"from\": \"+15551234567\", \"body\": \"YES\"}.")
    return data


def _target(data: dict, stack: Any):
    from datetime import timedelta

    if "now" in data:
        try:
            return parse_utc(str(data["now"])).replace(microsecond=0)
        except (ValueError, OverflowError):
            abort(400, "'now' must be an ISO-8601 time with a zone, like 2027-03-14T12:00:00Z.")
    if "advance_minutes" in data:
        minutes = data["advance_minutes"]
        if not isinstance(minutes, (int, float)) or isinstance(minutes, bool) or not math.isfinite(minutes) \
                or abs(minutes) > MAX_ADVANCE_MINUTES:
            abort(400, f"'advance_minutes' must be a number of minutes, at most {MAX_ADVANCE_MINUTES}.")
        return (stack.clock.now() + timedelta(minutes=minutes)).replace(microsecond=0)
    if data.get("next_due"):
        return stack.schedule.next_due_minute() or stack.clock.now()
    abort(400, "Give 'now', 'advance_minutes' or 'next_due'.")
