"""Put a clinic's check-ins and plan changes written before they carried clinic index attributes into the index.

Per patient of the clinic (the clinic index lists them), one Query of the partition per kind and one conditional
update per item that lacks `clinic_sk`; no Scan. Running it again changes nothing."""
from __future__ import annotations

from shared.adapters import keys
from shared.adapters.dynamodb.table import ITEM_EXISTS, Table
from shared.services.ports import PLAN_CHANGE_ACTIONS


def index_history(table: Table, clinic_id: str) -> int:
    """How many items were added to the clinic index."""
    added = 0
    for profile in table.clinic_items(clinic_id, keys.CLINIC_PATIENTS):
        patient_id = profile["patient_id"]
        for prefix, clinic_prefix in ((keys.CHECKINS, keys.CLINIC_CHECKINS), (keys.AUDIT, keys.CLINIC_PLAN_CHANGES)):
            for item in table.collection(keys.patient_pk(patient_id), prefix):
                if "clinic_sk" in item or (prefix == keys.AUDIT and item.get("action") not in PLAN_CHANGE_ACTIONS):
                    continue
                # CHECKIN#<started>#<id> and AUDIT#<at>#<ns>#<id>: the index key is the same moment and id
                clinic_sort = clinic_prefix + item["SK"].removeprefix(prefix)
                key = keys.Key(keys.PartitionKey(item["PK"]), keys.SortKey(item["SK"]))
                table.call("update_item", **table.update(
                    key, "SET patient_id = :p, clinic_id = :c, clinic_pk = :cpk, clinic_sk = :csk",
                    {":p": patient_id, ":c": clinic_id, ":cpk": keys.clinic_pk(clinic_id), ":csk": clinic_sort},
                    ITEM_EXISTS))
                added += 1
    return added
