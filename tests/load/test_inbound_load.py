"""Load: 500 patients mid check-in, 50 concurrent senders, 5,000 signed Twilio posts to /sms/inbound.

Each sender is one slice of Twilio's traffic: it owns ten patients and delivers their replies in turn,
interleaved, each patient's replies one after another as a phone sends them. Of the 5,000 posts, 500
(10%) repeat a MessageSid (a Twilio retry: some racing their original from a second thread, some right
after it, some after the patient's next reply) and 250 patients (5% of the posts) have a later reply
delivered before an earlier one.

The oracle is the same inbound service run one message at a time over the in-memory store
(tests/fakes.py) in each patient's delivery order: what 50 threads did through HTTP, the Flask app and
DynamoDB (moto) must be exactly what a single sender would have got. On top of that the test checks
the stored items directly: one inbound message and one dedupe item per MessageSid, each answer once,
no check-in in an impossible state. The p99 latency is printed (and written to
test-output/load-inbound.json), never asserted.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from twilio.request_validator import RequestValidator

from local.stack import DevStack
from shared.adapters.dynamodb.table import marshal, unmarshal
from shared.adapters.dynamodb.codec import checkin_from_map, checkin_to_map, patient_to_item
from shared.domain import checkins
from shared.domain.jobs import utc_iso
from shared.domain.questions import QUESTIONS
from shared.services.inbound import InboundService
from shared.services.ports import InboundSms
from tests.builders import a_patient
from tests.fakes import MemoryStore

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2027, 5, 4, 22, 5, tzinfo=timezone.utc)  # 18:05 in New York: check-ins just went out
PATIENTS = 500
SENDERS = 50
UNIQUE_PER_PATIENT = 9  # 4,500 distinct texts
RETRIES = 500           # + 500 repeats = 5,000 posts
SWAPPED_PATIENTS = 250  # one later reply delivered first: 250 of 5,000 posts
POSTS = PATIENTS * UNIQUE_PER_PATIENT + RETRIES
# What patients text back: plain numbers, words, ranges, several answers at once, things we cannot read,
# and free notes once the check-in is over.
REPLIES = ["4", "7/10", "a 6", "seven", "none", "mild", "6-7", "3 7 0", "2 5", "banana", "not sure", "0", "10",
           "feeling ok today", "ok", "8 out of 10", "severe"]
SERVICE_NUMBER = "+15005550006"


@dataclass
class Post:
    patient: int
    sid: str
    body: str
    retry_of_earlier: bool = False   # a repeat of a sid already delivered
    racing: bool = False             # posted from a second thread at the same time as the original


@dataclass
class Outcome:
    status: int
    content_type: str
    body: str
    seconds: float


@dataclass
class Plan:
    texts: dict[int, list[tuple[str, str]]] = field(default_factory=dict)      # patient -> (sid, body) written
    deliveries: dict[int, list[Post]] = field(default_factory=dict)            # patient -> posts in order
    swapped: set[int] = field(default_factory=set)


def phone(n: int) -> str:
    return f"+1212555{n:04d}"


def patient_id(n: int) -> str:
    return f"load-{n:04d}"


def make_plan(seed: int = 20270504) -> Plan:
    rng = random.Random(seed)
    plan = Plan()
    swapped = set(rng.sample(range(PATIENTS), SWAPPED_PATIENTS))
    for n in range(PATIENTS):
        written = [(f"SM{n:04d}{k:02d}{rng.getrandbits(64):016x}", rng.choice(REPLIES)) for k in range(UNIQUE_PER_PATIENT)]
        plan.texts[n] = written
        order = list(written)
        if n in swapped:  # a later reply overtakes an earlier one in the network
            k = rng.randrange(UNIQUE_PER_PATIENT - 1)
            order[k], order[k + 1] = order[k + 1], order[k]
        posts = [Post(n, sid, body) for sid, body in order]
        k = rng.randrange(UNIQUE_PER_PATIENT)  # one Twilio retry per patient: 500 in all
        sid, body = order[k]
        style = rng.choice(["racing", "right_after", "later"])
        if style == "racing":
            posts[k].racing = True
        else:
            at = k + 1 if style == "right_after" else min(UNIQUE_PER_PATIENT, k + 1 + rng.randint(1, 3))
            posts.insert(at, Post(n, sid, body, retry_of_earlier=True))
        plan.deliveries[n] = posts
    plan.swapped = swapped
    return plan


def seeded_patient(n: int, clinic_id: str):
    checkin, _ = checkins.start(f"chk-{n:04d}", checkins.STEP, Decimal("2.5"), START - timedelta(minutes=5))
    return a_patient(patient_id(n), phone=phone(n), clinic_id=clinic_id, open_checkin=checkin)


def seed(stack) -> None:
    """500 active patients, each with the first question of a check-in open (batch writes: not the test)."""
    client = stack.services.store.client
    table = stack.settings.table_name
    items = []
    for n in range(PATIENTS):
        patient = seeded_patient(n, stack.demo.clinic.clinic_id)
        items.append(patient_to_item(patient))
        items.append({"PK": f"PHONE#{patient.phone}", "SK": "PHONE", "type": "phone",
                      "patient_id": patient.patient_id, "clinic_id": patient.clinic_id, "plan_over": False})
    for start in range(0, len(items), 25):
        batch = {table: [{"PutRequest": {"Item": marshal(item)}} for item in items[start:start + 25]]}
        while batch:
            batch = client.batch_write_item(RequestItems=batch).get("UnprocessedItems") or None


def expected_outcomes(plan: Plan, clinic_id: str):
    """The oracle: the inbound service over the in-memory store, one message at a time per patient."""
    store = MemoryStore()
    for n in range(PATIENTS):
        store.add_patient(seeded_patient(n, clinic_id))
    service = InboundService(store)
    replies: dict[str, str] = {}
    for n in range(PATIENTS):
        for post in plan.deliveries[n]:
            result = service.handle(InboundSms(post.sid, phone(n), SERVICE_NUMBER, post.body, START))
            replies.setdefault(post.sid, result.reply)
    return store, replies


class Sender(threading.Thread):
    """One slice of Twilio: ten patients, their replies interleaved, each patient's strictly in turn."""

    def __init__(self, stack, patients: list[int], plan: Plan, results: dict, lock: threading.Lock):
        super().__init__(daemon=True)
        self.stack, self.patients, self.plan, self.results, self.lock = stack, patients, plan, results, lock
        self.session = requests.Session()
        self.url = stack.base_url + "/sms/inbound"
        self.signed_url = stack.settings.public_base_url + "/sms/inbound"
        self.validator = RequestValidator(stack.services.twilio_auth_token)
        self.account = stack.settings.twilio_account_sid
        self.error: BaseException | None = None

    def post(self, post: Post, session: requests.Session) -> None:
        form = {"From": phone(post.patient), "To": SERVICE_NUMBER, "Body": post.body, "MessageSid": post.sid,
                "SmsMessageSid": post.sid, "AccountSid": self.account, "NumMedia": "0", "NumSegments": "1",
                "SmsStatus": "received", "ApiVersion": "2010-04-01"}
        headers = {"X-Twilio-Signature": self.validator.compute_signature(self.signed_url, form)}
        began = time.perf_counter()
        response = session.post(self.url, data=form, headers=headers, timeout=60)
        outcome = Outcome(response.status_code, response.headers.get("Content-Type", ""), response.text,
                          time.perf_counter() - began)
        with self.lock:
            self.results[post.sid].append(outcome)

    def run(self) -> None:
        try:
            queues = [list(self.plan.deliveries[n]) for n in self.patients]
            while any(queues):
                for queue in queues:
                    if not queue:
                        continue
                    post = queue.pop(0)
                    if post.racing:  # Twilio gave up waiting and retried while we were still answering
                        twin = threading.Thread(target=self.post, args=(post, requests.Session()), daemon=True)
                        twin.start()
                        self.post(post, self.session)
                        twin.join()
                    else:
                        self.post(post, self.session)
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            self.error = exc


def twiml_texts(body: str) -> list[str]:
    """The <Message> texts of a TwiML answer; raises if it is not <Response> with <Message>s only."""
    root = ET.fromstring(body)
    assert root.tag == "Response", body
    assert all(child.tag == "Message" for child in root), body
    return [(child.text or "") for child in root]


def stored_items(settings) -> list[dict]:
    """Every item of the table. A test may Scan (the service never does); moto answers a Query by walking
    the whole table (~0.15 s each at this size), so one Scan is far cheaper than a query per patient."""
    import boto3
    from botocore.config import Config

    client = boto3.client("dynamodb", endpoint_url=settings.aws_endpoint_url, region_name=settings.aws_region,
                          aws_access_key_id="local", aws_secret_access_key="local", config=Config(read_timeout=300))
    items, query = [], {"TableName": settings.table_name, "ConsistentRead": True}
    while True:
        page = client.scan(**query)
        items += [unmarshal(i) for i in page["Items"]]
        if "LastEvaluatedKey" not in page:
            return items
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1)]


class StackOnItsOwnMoto(DevStack):
    """The local stack of `in_process_stack` (tick off, clock at START), with moto in a process of its own:
    DevStack.start() runs moto in-process, where it would share one core with the app and 50 senders."""

    def __init__(self, moto_url: str):
        super().__init__({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(START),
                          "LOCAL_API_KEY": "load-key"})
        self.moto_url = moto_url

    def _start_aws(self) -> str:
        return self.moto_url


@pytest.fixture(scope="module")
def stack():
    moto = subprocess.Popen([sys.executable, "-m", "tests.load.moto_process"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        url = moto.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        running = StackOnItsOwnMoto(url).start()
        try:
            yield running
        finally:
            running.stop()
    finally:
        moto.stdin.close()
        try:
            moto.wait(timeout=20)
        except subprocess.TimeoutExpired:
            moto.kill()
            moto.wait(timeout=10)
        moto.stdout.close()


def test_five_thousand_replies_from_fifty_senders_are_each_stored_once_and_answered(stack):
    # Given 500 patients mid check-in and the traffic Twilio will deliver
    plan = make_plan()
    assert sum(len(posts) + sum(p.racing for p in posts) for posts in plan.deliveries.values()) == POSTS
    seeded_at = time.perf_counter()
    seed(stack)
    seeded_in = time.perf_counter() - seeded_at
    oracle, expected_reply = expected_outcomes(plan, stack.demo.clinic.clinic_id)

    # When 50 senders post all 5,000 at once
    results: dict[str, list[Outcome]] = defaultdict(list)
    lock = threading.Lock()
    senders = [Sender(stack, list(range(s, PATIENTS, SENDERS)), plan, results, lock) for s in range(SENDERS)]
    began = time.perf_counter()
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(timeout=600)
    elapsed = time.perf_counter() - began
    assert [s.error for s in senders if s.error or s.is_alive()] == []
    checked_at = time.perf_counter()

    # Then every post got a 200 and a well-formed TwiML body, and a retry got its original's answer
    outcomes = [o for found in results.values() for o in found]
    assert len(outcomes) == POSTS
    bad = [(sid, o.status, o.body[:200]) for sid, found in results.items() for o in found
           if o.status != 200 or not o.content_type.startswith("application/xml")]
    assert bad == []
    for sid, found in results.items():
        texts = [twiml_texts(o.body) for o in found]
        assert all(t == texts[0] for t in texts), (sid, texts)       # a retry: the same answer
        assert texts[0] == ([expected_reply[sid]] if expected_reply[sid] else []), (sid, texts[0])

    # And each text is stored exactly once, with its dedupe item
    written = {sid: (n, body) for n, texts in plan.texts.items() for sid, body in texts}
    items = stored_items(stack.settings)
    inbound_logged = Counter(i["sid"] for i in items if i.get("type") == "message" and i.get("direction") == "inbound")
    dedupe = Counter(i["PK"].removeprefix("INBOUND#") for i in items if i["PK"].startswith("INBOUND#"))
    assert inbound_logged == Counter(list(written)) and dedupe == Counter(list(written))
    logged_by_patient = defaultdict(set)
    for i in items:
        if i.get("type") == "message" and i.get("direction") == "inbound":
            logged_by_patient[i["PK"].removeprefix("PATIENT#")].add(i["sid"])
            assert written[i["sid"]][1] == i["body"] and i["PK"] == f"PATIENT#{patient_id(written[i['sid']][0])}"

    # And every check-in is in a possible state, the same one a single sender would have left
    profiles = {i["patient_id"]: i for i in items if i.get("type") == "patient" and i["patient_id"].startswith("load-")}
    finished = defaultdict(list)
    for i in items:
        if i.get("type") == "checkin":
            finished[i["PK"].removeprefix("PATIENT#")].append(checkin_from_map(i))
    tasks = Counter(i["patient_id"] for i in items if i.get("type") == "job" and i.get("kind") == "evaluate_checkin")
    answers_stored = Counter()
    for n in range(PATIENTS):
        pid = patient_id(n)
        profile = profiles[pid]
        open_now = checkin_from_map(profile["open_checkin"]) if profile.get("open_checkin") else None
        done = finished.get(pid, [])
        states = ([open_now] if open_now else []) + done
        assert len(states) == 1, (pid, states)                        # one check-in, open or closed, never both
        checkin = states[0]
        assert_possible(checkin, logged_by_patient[pid], written)
        for answer in checkin.answers.values():
            if answer.message_sid:
                answers_stored[answer.message_sid] += 1
        want = oracle.get_patient(pid).open_checkin or oracle.checkins_of(pid)[0]
        assert checkin_to_map(checkin) == checkin_to_map(want), pid
        assert tasks[pid] == (0 if open_now else 1), pid             # one evaluation per finished check-in
        assert int(profile["version"]) == oracle.get_patient(pid).version, pid
    want_answers = Counter(a.message_sid for pid in map(patient_id, range(PATIENTS))
                           for c in ([oracle.get_patient(pid).open_checkin] if oracle.get_patient(pid).open_checkin
                                     else oracle.checkins_of(pid)) for a in c.answers.values() if a.message_sid)
    assert answers_stored == want_answers

    latencies = [o.seconds for o in outcomes]
    figures = {"posts": POSTS, "senders": SENDERS, "patients": PATIENTS, "seconds": round(elapsed, 1),
               "posts_per_s": round(POSTS / elapsed, 1), "p50_ms": round(percentile(latencies, 50) * 1000, 1),
               "p99_ms": round(percentile(latencies, 99) * 1000, 1), "max_ms": round(max(latencies) * 1000, 1),
               "seeding_s": round(seeded_in, 1), "checking_s": round(time.perf_counter() - checked_at, 1),
               "completed_checkins": sum(1 for d in finished.values() if d)}
    print("\ninbound load:", json.dumps(figures))
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    (out / "load-inbound.json").write_text(json.dumps(figures, indent=2) + "\n")


def assert_possible(checkin: checkins.CheckIn, logged: set[str], written: dict[str, tuple[int, str]]) -> None:
    """No impossible state: the answers are exactly the questions passed, each from a stored text."""
    ids = [q.id for q in QUESTIONS]
    assert checkin.status in (checkins.OPEN, checkins.COMPLETED), checkin
    assert 0 <= checkin.position <= len(QUESTIONS) and checkin.misses in (0, 1), checkin
    assert (checkin.status == checkins.COMPLETED) == (checkin.position == len(QUESTIONS)), checkin
    assert list(checkin.answers) == ids[:checkin.position], checkin       # answers count matches position
    for question in QUESTIONS[:checkin.position]:
        answer = checkin.answers[question.id]
        assert answer.message_sid in logged, checkin                        # from a text of this patient, stored
        assert answer.raw == written[answer.message_sid][1].strip(), checkin
        assert answer.value is None or question.accepts(answer.value), checkin  # missed, or a value on its scale
