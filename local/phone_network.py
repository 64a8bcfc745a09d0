"""A Twilio-compatible Messages endpoint and the phones on it: what the real twilio client talks to locally."""
from __future__ import annotations

import base64
import queue
import random
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from typing import Any, Callable

from flask import Blueprint, jsonify, request

from shared.domain.jobs import utc_iso

E164 = re.compile(r"^\+[1-9]\d{7,14}$")
HELD = ("scheduled", "canceled")              # at Twilio but never sent to the phone (yet)
SCHEDULE_WINDOW = (timedelta(seconds=900), timedelta(days=35))  # SendAt: 15 minutes to 35 days after the request


def new_sid(prefix: str = "SM") -> str:
    return prefix + secrets.token_hex(16)


@dataclass
class PhoneNetwork:
    """Every text that crossed the local network, in order, stamped with the simulated time."""

    clock: Any
    account_sid: str
    auth_token: str
    messages: list[dict] = field(default_factory=list)
    failures: list[tuple[int, int, str | None]] = field(default_factory=list)
    hangs: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    plan: "FailurePlan | None" = None

    def fail_randomly(self, plan: "FailurePlan | None") -> None:
        """From now on, each send meets `plan` (None: no more random failures)."""
        with self.lock:
            self.plan = plan

    def fail_next(self, status: int, code: int, times: int = 1, to: str | None = None) -> None:
        """Make the next `times` sends (to one number, or any) fail with this HTTP status and Twilio code."""
        with self.lock:
            self.failures.extend([(status, code, to)] * times)

    def take_failure(self, to: str) -> tuple[int, int] | None:
        with self.lock:
            for index, (status, code, target) in enumerate(self.failures):
                if target in (None, to):
                    del self.failures[index]
                    return status, code
            return None

    def take_fault(self, to: str) -> tuple[int, int] | tuple[float, bool] | None:
        """What this send meets: an error (status, code) queued by fail_next, else one drawn from the
        failure plan ((status, code), or a hang (seconds, kept) as `hang_next` would), else None."""
        failure = self.take_failure(to)
        if failure:
            return failure
        with self.lock:
            return self.plan.draw() if self.plan else None

    def hang_next(self, seconds: float, keep: bool = True) -> None:
        """Answer the next send only after `seconds` (a client may give up first); with keep=False the
        message is lost, as if Twilio never got it."""
        with self.lock:
            self.hangs.append((seconds, keep))

    def take_hang(self) -> tuple[float, bool]:
        with self.lock:
            return self.hangs.pop(0) if self.hangs else (0.0, True)

    def record(self, *, direction: str, to: str, from_: str, body: str, status: str, sid: str = "",
               status_callback: str = "", send_at: str = "") -> dict:
        message = {"sid": sid or new_sid(), "to": to, "from": from_, "body": body, "status": status,
                   "created_at": utc_iso(self.clock.now()), "direction": direction, "status_callback": status_callback,
                   "send_at": send_at}
        with self.lock:
            self.messages.append(message)
        return message

    def set_status(self, sid: str, status: str) -> None:
        with self.lock:
            for message in self.messages:
                if message["sid"] == sid:
                    message["status"] = status

    def sent(self, to: str | None = None) -> list[dict]:
        """What the service sent (REST and TwiML alike) and phones got, oldest first: a scheduled message once
        Twilio released it at its SendAt, never one still scheduled or canceled."""
        with self.lock:
            found = [m for m in self.messages if m["direction"] == "outbound" and (to is None or m["to"] == to)
                     and m["status"] not in HELD]
        return [{k: m[k] for k in ("sid", "to", "from", "body", "status", "created_at")} for m in found]

    def created(self, to: str | None = None) -> list[dict]:
        """Every outbound message Twilio holds a resource for (scheduled and canceled ones too), oldest first."""
        with self.lock:
            return [dict(m) for m in self.messages if m["direction"] == "outbound" and (to is None or m["to"] == to)]

    def scheduled(self) -> list[dict]:
        """Messages waiting for their SendAt, soonest first."""
        with self.lock:
            return sorted((dict(m) for m in self.messages if m["status"] == "scheduled"), key=lambda m: m["send_at"])

    def release_due(self) -> list[dict]:
        """Twilio's scheduler: every scheduled message whose SendAt has come goes out (status queued, its callbacks
        follow); stamped with its SendAt. The released messages, in order."""
        now = utc_iso(self.clock.now())
        with self.lock:
            due = sorted((m for m in self.messages if m["status"] == "scheduled" and m["send_at"] <= now),
                         key=lambda m: m["send_at"])
            for message in due:
                message.update(status="queued", created_at=message["send_at"])
            return [dict(m) for m in due]

    def cancel(self, sid: str) -> tuple[dict, bool] | None:
        """`Status=canceled` on a message: the message and whether this canceled it (only a scheduled one can be);
        None when unknown."""
        with self.lock:
            message = next((m for m in self.messages if m["sid"] == sid and m["direction"] == "outbound"), None)
            if message is None:
                return None
            cancelable = message["status"] == "scheduled"
            if cancelable:
                message["status"] = "canceled"
            return dict(message), cancelable

    def thread(self, number: str, service_number: str | None = None) -> list[dict]:
        """Both sides of one phone's conversation (with one of the service's numbers, or all), oldest first."""
        with self.lock:
            return [dict(m) for m in self.messages if number in (m["to"], m["from"])
                    and (service_number is None or service_number in (m["to"], m["from"]))]

    def conversations(self, service_numbers: list[str]) -> list[tuple[str, str]]:
        """(phone, service number) of every pair that exchanged a text: by phone, then in the order given."""
        with self.lock:
            pairs = {(m["from"], m["to"]) if m["direction"] == "inbound" else (m["to"], m["from"])
                     for m in self.messages}
        order = {number: n for n, number in enumerate(service_numbers)}
        return sorted(((phone, service) for phone, service in pairs if service in order and phone not in order),
                      key=lambda pair: (pair[0], order[pair[1]]))


@dataclass
class FailurePlan:
    """A seeded share of sends that fail: HTTP errors (status, Twilio code) and timeouts, drawn evenly.

    A timeout holds the answer `hang_seconds` (longer than the client waits); half of them keep the
    message (Twilio got it, the answer was lost), half lose it (Twilio never got it).
    """

    rate: float
    seed: int = 0
    errors: tuple[tuple[int, int], ...] = ((429, 20429), (500, 20500))
    timeouts: bool = True
    hang_seconds: float = 1.0
    drawn: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.random = random.Random(self.seed)

    def draw(self) -> tuple[int, int] | tuple[float, bool] | None:
        """Called under the network's lock."""
        if self.random.random() >= self.rate:
            self.drawn.append("ok")
            return None
        choices: list = list(self.errors) + ([(self.hang_seconds, True), (self.hang_seconds, False)]
                                             if self.timeouts else [])
        fault = self.random.choice(choices)
        self.drawn.append(f"timeout_{'kept' if fault[1] is True else 'lost'}" if isinstance(fault[0], float)
                          else str(fault[0]))
        return fault


class StatusCallbacks:
    """Posts delivery callbacks (sent, then delivered) in the background, signed as Twilio signs them."""

    def __init__(self, post: Callable[[str, dict], None]):
        self.post = post
        self.jobs: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="status-callbacks", daemon=True)
        self.thread.start()

    def queue(self, url: str, form: dict) -> None:
        self.jobs.put((url, form))

    def _run(self) -> None:
        while True:
            url, form = self.jobs.get()
            try:
                self.post(url, form)
            except Exception:  # a local callback that fails is dropped, as Twilio would after its tries
                pass
            finally:
                self.jobs.task_done()


def twilio_error(status: int, code: int, message: str):
    body = {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status}
    return jsonify(body), status


def _authorised(network: PhoneNetwork, sid: str) -> bool:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Basic "):
        return False
    try:
        user, _, password = base64.b64decode(header[6:]).partition(b":")
    except ValueError:
        return False
    return secrets.compare_digest(user, network.account_sid.encode()) \
        and secrets.compare_digest(password, network.auth_token.encode()) and sid == network.account_sid


def messages_api(network_of: Callable[[], PhoneNetwork], callbacks_of: Callable[[], StatusCallbacks],
                 service_numbers: Callable[[], dict]) -> Blueprint:
    """Blueprint of the Messages resource of Twilio's REST API (2010-04-01), as far as we use it."""
    bp = Blueprint("twilio_api", __name__)

    @bp.post("/2010-04-01/Accounts/<account_sid>/Messages.json")
    def create_message(account_sid: str):
        network = network_of()
        if not _authorised(network, account_sid):
            return twilio_error(401, 20003, "Authenticate")
        form = request.form
        fault = network.take_fault(form.get("To", ""))
        timeout = fault if fault and isinstance(fault[0], float) else None  # drawn from the failure plan
        if fault and not timeout:
            return twilio_error(fault[0], fault[1], "Simulated failure")
        to, body = form.get("To", ""), form.get("Body", "")
        numbers = service_numbers()
        sender = form.get("From") or numbers.get(form.get("MessagingServiceSid", ""), "")
        if not E164.match(to):
            return twilio_error(400, 21211, f"Invalid 'To' Phone Number: {to}")
        if not sender:
            return twilio_error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required")
        if sender not in numbers.values():
            return twilio_error(400, 21606, "The 'From' phone number provided is not a valid message-capable "
                                            "Twilio phone number for this destination/account")
        if not body:
            return twilio_error(400, 21602, "Message body is required.")
        if len(body) > 1600:
            return twilio_error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
        schedule = _schedule_of(form, network.clock.now())
        if isinstance(schedule, tuple):
            return twilio_error(400, *schedule)
        delay, keep = timeout or network.take_hang()
        if not keep:
            time.sleep(delay)
            return twilio_error(500, 20500, "Lost")  # the client gave up long before this
        message = network.record(direction="outbound", to=to, from_=sender, body=body,
                                 status="scheduled" if schedule else "queued",
                                 status_callback=form.get("StatusCallback", ""), send_at=schedule or "")
        message["messaging_service_sid"] = form.get("MessagingServiceSid")
        if not schedule:
            delivered(message, callbacks_of(), account_sid)
        if delay:
            time.sleep(delay)
        return jsonify(_resource(message, account_sid, form.get("MessagingServiceSid"))), 201

    @bp.post("/2010-04-01/Accounts/<account_sid>/Messages/<message_sid>.json")
    def update_message(account_sid: str, message_sid: str):
        """`Status=canceled` cancels a message still scheduled (30409 once it is not); nothing else is updated here."""
        network = network_of()
        if not _authorised(network, account_sid):
            return twilio_error(401, 20003, "Authenticate")
        fault = network.take_fault(message_sid)
        if fault and not isinstance(fault[0], float):
            return twilio_error(fault[0], fault[1], "Simulated failure")
        if request.form.get("Status") != "canceled":
            return twilio_error(400, 21218, "Invalid 'Status': only 'canceled' is supported here")
        answer = network.cancel(message_sid)
        if answer is None:
            return twilio_error(404, 20404, f"The requested resource /Messages/{message_sid}.json was not found")
        found, cancelled = answer
        if not cancelled:
            return twilio_error(400, 30409, "This message cannot be canceled")
        if found["status_callback"]:
            callbacks_of().queue(found["status_callback"], _callback_form(found, "canceled", account_sid))
        return jsonify(_resource(found, account_sid, found.get("messaging_service_sid"))), 200

    @bp.get("/2010-04-01/Accounts/<account_sid>/Messages.json")
    def list_messages(account_sid: str):
        """Messages sent, newest first, filtered by To and DateSent> as Twilio filters them."""
        network = network_of()
        if not _authorised(network, account_sid):
            return twilio_error(401, 20003, "Authenticate")
        after = request.args.get("DateSent>", "")
        to = request.args.get("To")
        found = [m for m in reversed(network.created(to)) if not after or m["created_at"] >= _iso_z(after)]
        uri = f"/2010-04-01/Accounts/{account_sid}/Messages.json"
        return jsonify({"messages": [_resource(m, account_sid, None) for m in found], "first_page_uri": uri,
                        "next_page_uri": None, "previous_page_uri": None, "page": 0, "page_size": 50,
                        "start": 0, "end": len(found), "uri": uri})

    return bp


def delivered(message: dict, callbacks: StatusCallbacks, account_sid: str) -> None:
    """Queue a message's callbacks as it goes out: sent, then delivered."""
    if message.get("status_callback"):
        for status in ("sent", "delivered"):
            callbacks.queue(message["status_callback"], _callback_form(message, status, account_sid))


def _callback_form(message: dict, status: str, account_sid: str) -> dict:
    return {"MessageSid": message["sid"], "SmsSid": message["sid"], "MessageStatus": status, "SmsStatus": status,
            "AccountSid": account_sid, "From": message["from"], "To": message["to"], "ApiVersion": "2010-04-01"}


def _schedule_of(form: Any, now: datetime) -> str | tuple[int, str] | None:
    """A create's schedule, by Twilio's rules: its SendAt (UTC ISO-8601), None when it is not scheduled, or the error
    (code, message) Twilio answers."""
    from shared.domain.jobs import parse_utc
    from shared.domain.senders import is_messaging_service

    kind = form.get("ScheduleType")
    if kind is None:
        return None
    if kind != "fixed":
        return 35126, "The ScheduleType value provided is not supported for this channel"
    if not (form.get("MessagingServiceSid") or is_messaging_service(form.get("From", ""))):
        return 35118, "MessagingServiceSid is required to schedule a message"
    if not form.get("SendAt"):
        return 35111, "SendAt timestamp is missing"
    try:
        send_at = parse_utc(form["SendAt"])
    except ValueError:
        return 35115, "Scheduling does not support this timestamp"
    if not SCHEDULE_WINDOW[0] <= send_at - now <= SCHEDULE_WINDOW[1]:
        return 35114, "SendAt time must be between 900 seconds and 35 days (3024000 seconds) in the future, inclusive"
    return utc_iso(send_at)


def _resource(message: dict, account_sid: str, service_sid: str | None) -> dict:
    from shared.domain.jobs import parse_utc

    created = format_datetime(parse_utc(message["created_at"]), usegmt=True)
    status = message["status"] if message["status"] in HELD else "queued"
    return {"sid": message["sid"], "account_sid": account_sid, "to": message["to"], "from": message["from"],
            "body": message["body"], "status": status, "direction": "outbound-api", "num_segments": "1",
            "num_media": "0", "messaging_service_sid": service_sid, "api_version": "2010-04-01",
            "date_created": created, "date_updated": created, "date_sent": None, "price": None,
            "price_unit": "USD", "error_code": None, "error_message": None,
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{message['sid']}.json", "subresource_uris": {}}


def _iso_z(text: str) -> str:
    from shared.domain.jobs import parse_utc

    try:
        return utc_iso(parse_utc(text))
    except ValueError:
        return text
