"""Put a clinic's check-ins and plan changes stored before the exports into the clinic index, and its patients
stored before the patients list into the list's order and search (needed once per clinic for data written before
then; no Scan; safe to run again).

    TABLE_NAME=... AWS_REGION=... python -m scripts.index_clinic_history <clinic id>
"""
from __future__ import annotations

import argparse
import sys

from shared.config import Settings
from shared.wiring import aws_client


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    parser = argparse.ArgumentParser(description="Index a clinic's older check-ins and plan changes for exports.")
    parser.add_argument("clinic_id")
    args = parser.parse_args(argv)

    from shared.adapters.dynamodb.backfill import index_attention, index_history
    from shared.adapters.dynamodb.table import Table

    settings = settings or Settings.from_env()
    table = Table(aws_client(settings, "dynamodb"), settings.table_name, settings.due_shards)
    print(f"clinic {args.clinic_id}: {index_history(table, args.clinic_id)} items added to the clinic index")
    print(f"clinic {args.clinic_id}: {index_attention(table, args.clinic_id)} patients put in the list's order "
          "(what needs attention first) and made searchable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
