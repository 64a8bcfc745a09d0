"""Erase a patient's data on request, from a terminal with access to the deployed table.

    TABLE_NAME=... AWS_REGION=... python -m scripts.erase_patient <patient id> --by privacy@lakeside.example \\
        [--clinic <clinic id>]

The patient must be done with the service (completed, consent expired, opted out, or their taper over): every
item of theirs goes (profile, plan, reminders, check-ins, escalations, texts, audit, the number's mapping and
each text's dedupe), and the clinic keeps who erased which patient id when. The same as
`DELETE /api/patients/<id>`.
"""
from __future__ import annotations

import argparse
import sys

from shared.adapters.clock import SystemClock
from shared.config import Settings
from shared.errors import Conflict, NotFound
from shared.services.retention import ErasureService
from shared.wiring import aws_client


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    parser = argparse.ArgumentParser(description="Erase a finished patient's data.")
    parser.add_argument("patient_id")
    parser.add_argument("--by", required=True, help="who asks for the erasure (kept in the clinic's erasure log)")
    parser.add_argument("--clinic", default="", help="refuse unless the patient is of this clinic")
    args = parser.parse_args(argv)

    from shared.adapters.dynamodb import DynamoStore

    settings = settings or Settings.from_env()
    store = DynamoStore(aws_client(settings, "dynamodb"), settings.table_name, settings.due_shards)
    patient = store.get_patient(args.patient_id)
    try:
        if patient is None:
            raise NotFound("No such patient.")
        items = ErasureService(store).erase(args.clinic or patient.clinic_id, args.patient_id, args.by,
                                            SystemClock().now())
    except (NotFound, Conflict) as exc:
        print(f"not erased: {exc.message}", file=sys.stderr)
        return 1
    print(f"erased patient {args.patient_id}: {items} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
