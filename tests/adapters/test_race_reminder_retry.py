"""Tonight's dose reminder, waiting for a retry when a provider rewrites the plan, still goes out once: at the
dose the new plan says for tonight (the new generation's reminder for the same night), never neither, never
both. On DynamoDB (moto) and the in-memory store, the rewrite landing while the send is in flight."""
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from shared.services.dispatch import Dispatcher
from shared.services.plans import PlanService
from shared.services.ports import SendError
from shared.domain.schedule import plan_jobs
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms

NOON = datetime(2027, 1, 7, 17, 0, tzinfo=timezone.utc)          # 12:00 in New York
NINE_PM = datetime(2027, 1, 8, 2, 0, tzinfo=timezone.utc)        # 21:00 in New York: tonight's dose, 4.5 mg
DURING_SEND = NINE_PM + timedelta(seconds=30)
CARRIER_DOWN = SendError("carrier unreachable", code="30008", retryable=True)


class SmsFailingAsTheProviderActs(FakeSms):
    """The first send fails (a retryable carrier error) after `meanwhile` ran: the rewrite lands while it is in
    flight."""

    def __init__(self, meanwhile):
        super().__init__()
        self.meanwhile = meanwhile

    def send(self, to, body, status_callback, sender=""):
        if self.meanwhile:
            meanwhile, self.meanwhile = self.meanwhile, None
            meanwhile()
            raise CARRIER_DOWN
        return super().send(to, body, status_callback, sender)


def enrolled(store):
    patient = a_patient("p1", plan_generation="g-first")
    store.enroll(patient, plan_jobs(patient, NOON, "g-first", baseline=False))
    return patient


def dose_texts_tonight(store, sms):
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://taper.example",
                            patients=store)
    for minute in (0, 2, 5, 15, 40, 90):
        dispatcher.run(NINE_PM + timedelta(minutes=minute))
    return [m["body"] for m in sms.sent if "Tonight" in m["body"] or "tonight" in m["body"]]


@pytest.mark.parametrize("action, params, tonight", [("adjust", {"dose_mg": Decimal("4")}, "dose is 4 mg"),
                                                     ("hold", {}, "LDN 4.5 mg"), ("end", {}, "LDN 4.5 mg")])
def test_a_reminder_waiting_to_retry_when_the_plan_is_rewritten_goes_out_once_at_the_new_plans_dose(
        either, action, params, tonight):
    enrolled(either)
    plans = PlanService(either)
    # Given tonight's reminder failing at 21:00 while a provider rewrites the plan
    sms = SmsFailingAsTheProviderActs(lambda: plans.act("c1", "dr", "p1", action, DURING_SEND, params))
    # When dispatch keeps running through the night
    sent = dose_texts_tonight(either, sms)
    # Then exactly one dose reminder went out tonight, at the dose the new plan says for tonight
    assert len(sent) == 1, sent
    assert tonight in sent[0]


def test_a_reminder_rewritten_before_its_night_and_again_while_it_retries_goes_out_once(either):
    enrolled(either)
    plans = PlanService(either)
    # Given a rewrite at noon (a new reminder for tonight), then another while tonight's send is failing
    plans.act("c1", "dr", "p1", "adjust", NOON, {"dose_mg": Decimal("4")})
    sms = SmsFailingAsTheProviderActs(lambda: plans.act("c1", "dr", "p1", "adjust", DURING_SEND,
                                                        {"dose_mg": Decimal("3.5")}))
    sent = dose_texts_tonight(either, sms)
    # Then one reminder tonight, at the last plan's dose
    assert len(sent) == 1, sent
    assert "dose is 3.5 mg" in sent[0]
