"""The phone mapping's keys on DynamoDB (issue 15): `PHONE#<e164>` on the default sender, as every number had
before clinics had senders (so those items and profiles need no migration), `PHONE#<sender>#<e164>` on a clinic's
own sender."""
from __future__ import annotations

from datetime import date, datetime, timezone

from shared.adapters.dynamodb.codec import patient_to_item
from shared.domain.patients import PatientStatus
from tests.builders import a_patient

PHONE = "+12125550123"
OWN = "+13125550199"


def item(dynamodb, table: str, pk: str, sk: str) -> dict | None:
    return dynamodb.get_item(TableName=table, Key={"PK": {"S": pk}, "SK": {"S": sk}}, ConsistentRead=True).get("Item")


def test_the_default_sender_keeps_the_old_key_and_a_clinics_own_sender_puts_itself_in_front(store, dynamodb,
                                                                                         local_settings):
    store.enroll(a_patient("pa", PHONE, clinic_id="ca"), [])
    store.enroll(a_patient("pb", PHONE, clinic_id="cb", sender=OWN), [])
    table = local_settings.table_name
    assert item(dynamodb, table, f"PHONE#{PHONE}", "PHONE")["patient_id"] == {"S": "pa"}
    mapped = item(dynamodb, table, f"PHONE#{OWN}#{PHONE}", "PHONE")
    assert mapped["patient_id"] == {"S": "pb"} and mapped["clinic_id"] == {"S": "cb"} and mapped["sender"] == {"S": OWN}


def test_a_patient_and_mapping_written_before_senders_existed_read_as_the_default_senders(store, dynamodb,
                                                                                         local_settings):
    # Given the items as the service wrote them before this change: no `sender` on either
    old = patient_to_item(a_patient("p0", PHONE, clinic_id="ca"))
    old.pop("sender", None)
    store.table.call("put_item", **store.table.put(old))
    store.table.call("put_item", **store.table.put({"PK": f"PHONE#{PHONE}", "SK": "PHONE", "type": "phone",
                                                    "patient_id": "p0", "clinic_id": "ca", "plan_over": False}))
    # Then the number leads to them on the default sender, and only there
    found = store.patient_for_phone(PHONE)
    assert found.patient_id == "p0" and found.sender == ""
    assert store.patient_for_phone(PHONE, OWN) is None


def test_retention_and_erasure_reach_the_mapping_on_the_patients_own_sender(store, dynamodb, local_settings):
    store.enroll(a_patient("pb", PHONE, clinic_id="cb", sender=OWN, status=PatientStatus.COMPLETED), [])
    patient = store.get_patient("pb")
    store.keep_data_until(patient, date(2034, 1, 1))
    ttl = int(datetime(2034, 1, 1, tzinfo=timezone.utc).timestamp())
    assert item(dynamodb, local_settings.table_name, f"PHONE#{OWN}#{PHONE}", "PHONE")["ttl"] == {"N": str(ttl)}
    store.erase(store.get_patient("pb"), "admin@b", datetime(2034, 1, 1, tzinfo=timezone.utc))
    assert item(dynamodb, local_settings.table_name, f"PHONE#{OWN}#{PHONE}", "PHONE") is None
