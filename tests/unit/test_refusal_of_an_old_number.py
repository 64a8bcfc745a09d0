"""Twilio's refusal of a text sent to a patient's old number (their number changed while it was being sent)
never opts out or flags the new number."""
from dataclasses import replace

import pytest

from shared.domain.patients import PatientStatus
from shared.services.ports import SendError
from tests.unit.test_dispatch_service import NINE_PM, make, reminder

NEW_NUMBER = "+12125550199"


@pytest.mark.parametrize("code", ["21610", "21211"])
def test_a_refusal_that_comes_after_the_number_changed_leaves_the_new_number_alone(code):
    dispatcher, store, sms, _ = make()
    store.put_job(reminder())

    def refused_as_the_number_changes(to, body, status_callback, sender=""):
        current = store.patients["p1"]
        store.patients["p1"] = replace(current, phone=NEW_NUMBER, version=current.version + 1)
        raise SendError("Twilio refused the message: HTTP 400", code=code, retryable=False)

    sms.send = refused_as_the_number_changes
    dispatcher.run(NINE_PM)
    patient = store.get_patient("p1")
    assert (patient.status, patient.phone_problem, patient.phone) == (PatientStatus.ACTIVE, "", NEW_NUMBER)
