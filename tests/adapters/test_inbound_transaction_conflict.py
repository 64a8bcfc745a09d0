"""A text that meets another transaction on the same profile (a second text in another Lambda, a check-in being
opened) is read again and answered, never lost as an outage. The in-memory store cannot make a conflict, so
this drives the DynamoDB adapter with a client that answers as DynamoDB does."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.exceptions import ClientError

from shared.adapters.dynamodb.inbound import DynamoInbound
from shared.adapters.dynamodb.table import Table
from shared.domain.patients import ProfileChange
from shared.errors import StatusMoved, StoreUnavailable
from shared.services.ports import InboundSms
from tests.builders import a_patient

NOW = datetime(2027, 3, 1, 15, 0, tzinfo=timezone.utc)


class Cancelling:
    """A DynamoDB client whose transactions are cancelled with the given reasons, one per item."""

    def __init__(self, *codes: str):
        self.codes = codes

    def transact_write_items(self, **_: Any) -> None:
        reasons = [{"Code": code} for code in self.codes]
        raise ClientError({"Error": {"Code": "TransactionCanceledException"}, "CancellationReasons": reasons},
                          "TransactWriteItems")


def save(*codes: str) -> bool:
    inbound = DynamoInbound(Table(Cancelling(*codes), "t", 4))
    change = ProfileChange(pause_checkins_for="e1")
    return inbound.save_inbound(InboundSms("SM1", "+12125550123", "+15005550006", "7", NOW), a_patient("p1"),
                                "Thanks", [], change)


def test_a_conflict_with_another_transaction_on_the_profile_is_read_again():
    with pytest.raises(StatusMoved):
        save("None", "None", "TransactionConflict")


def test_a_profile_changed_meanwhile_is_read_again_and_a_repeat_is_a_repeat():
    with pytest.raises(StatusMoved):
        save("None", "None", "ConditionalCheckFailed")
    assert save("ConditionalCheckFailed", "None", "None") is False


def test_anything_else_is_an_outage():
    with pytest.raises(StoreUnavailable):
        save("None", "None", "ValidationError")
