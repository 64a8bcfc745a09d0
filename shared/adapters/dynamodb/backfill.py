"""Put a clinic's check-ins and plan changes written before they carried clinic index attributes into the index.

Per patient of the clinic (the clinic index lists them), one Query of the partition per kind and one conditional
update per item that lacks `clinic_sk`; no Scan. Running it again changes nothing."""
from __future__ import annotations

from dataclasses import replace

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.codec import escalation_from_item, patient_from_item, when
from shared.adapters.dynamodb.table import ITEM_EXISTS, Table
from shared.domain import attention
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


def index_attention(table: Table, clinic_id: str) -> int:
    """Put a clinic's patients in the list's order (shared/domain/attention.py): each profile's open escalations
    (read from its partition), its tier in the clinic index key and what search finds it by, written under the
    profile's version (a profile changed meanwhile is read again). How many profiles changed; again: 0."""
    changed = 0
    for profile in table.clinic_items(clinic_id, keys.CLINIC_PATIENTS):
        for _ in range(3):
            patient = patient_from_item(profile)
            escalations = [escalation_from_item(i) for i in table.collection(keys.patient_pk(patient.patient_id),
                                                                             keys.ESCALATIONS)]
            ranked = replace(patient, open_levels=attention.open_levels({}, escalations))
            values = {":levels": ranked.open_levels, ":v": patient.version, ":search": attention.search_text(
                      patient.first_name, patient.last_name, patient.phone), ":csk": keys.clinic_attention_sort(
                      attention.tier_of(ranked), when(patient.created_at) or "", patient.patient_id)}
            if (profile.get("open_levels") or {}, profile.get("search_text"), profile["clinic_sk"]) == (
                    values[":levels"], values[":search"], values[":csk"]):
                break
            try:
                table.call("update_item", **table.update(
                    keys.patient_profile_key(patient.patient_id),
                    "SET open_levels = :levels, search_text = :search, clinic_sk = :csk", values, "#v = :v", {"#v": "version"}))
                changed += 1
                break
            except ClientError:
                found = table.get(keys.patient_profile_key(patient.patient_id))
                if found is None:
                    break
                profile = found
    return changed
