"""Create a clinic with its first admin (and optionally a provider and an API key) in a deployed table.

    TABLE_NAME=... AWS_REGION=... python -m scripts.create_clinic --name "Lakeside Clinic" \\
        --phone "+1 212 555 0100" --admin-email admin@lakeside.example [--provider-email dr@...] [--api-key] \\
        [--sender-number +12125550199 | --messaging-service-sid MG...]

Without a sender of its own the clinic texts from the deployment's default (TWILIO_FROM_NUMBER or
TWILIO_MESSAGING_SERVICE_SID) and shares its patients' number space with every other such clinic. Point the
sender's incoming-message webhook at /sms/inbound as the default's is.

Prints the passwords and key once; only their hashes are stored.
"""
from __future__ import annotations

import argparse
import sys

from shared.adapters.clock import SystemClock
from shared.config import Settings
from shared.domain.accounts import Role
from shared.domain.senders import DefaultSender
from shared.services.accounts import AccountService
from shared.wiring import aws_client


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create a clinic and its first admin.")
    parser.add_argument("--name", required=True)
    parser.add_argument("--phone", default="", help="contact phone shown in HELP replies")
    parser.add_argument("--admin-email", required=True)
    parser.add_argument("--admin-name", default="")
    parser.add_argument("--provider-email", default="")
    parser.add_argument("--provider-name", default="")
    parser.add_argument("--api-key", action="store_true", help="also create an API key for the JSON API")
    parser.add_argument("--discreet-texts", action="store_true", help="leave the drug's name out of every text")
    parser.add_argument("--timezone", default="America/New_York", help="the clinic's own zone: pages show times in it")
    parser.add_argument("--quiet-hours", default="21:00-08:00", help="local quiet hours, like 21:00-08:00")
    parser.add_argument("--escalation-email", default="", help="also gets urgent and overdue escalation emails")
    parser.add_argument("--no-hold-on-escalation", action="store_true",
                        help="do not hold the taper when replies suggest symptoms return or mood changes")
    parser.add_argument("--safety-mood-at-or-below", type=int, default=1, choices=range(0, 11), metavar="0-10",
                        help="a mood answer this low is followed by the safety question (default 1)")
    parser.add_argument("--countries", default="US,PR,VI,GU,AS,MP,CA",
                        help="where patients' numbers may be, ISO region codes (default: where 988 answers)")
    parser.add_argument("--retention-years", type=int, default=7, choices=range(1, 31), metavar="1-30",
                        help="how long a finished patient's data is kept after the last dose (default 7)")
    sender = parser.add_mutually_exclusive_group()
    sender.add_argument("--sender-number", default="",
                        help="the clinic's own Twilio number (E.164): its texts go from it, replies to it reach it")
    sender.add_argument("--messaging-service-sid", default="", help="the clinic's own Twilio Messaging Service (MG...)")
    args = parser.parse_args(argv)

    from shared.adapters.dynamodb import DynamoStore

    settings = settings or Settings.from_env()
    own = args.sender_number or args.messaging_service_sid
    if own and DefaultSender(settings.twilio_from_number, settings.twilio_messaging_service_sid).is_default(own):
        parser.error(f"{own} is the deployment's default sender: leave the sender out to use it")
    accounts = AccountService(DynamoStore(aws_client(settings, "dynamodb"), settings.table_name, settings.due_shards))
    now = SystemClock().now()
    quiet_start, _, quiet_end = args.quiet_hours.partition("-")
    try:
        clinic = accounts.create_clinic(args.name, args.phone, now, settings={
            "discreet_texts": args.discreet_texts, "quiet_start": quiet_start.strip(), "quiet_end": quiet_end.strip(),
            "hold_on_escalation": not args.no_hold_on_escalation, "timezone": args.timezone,
            "safety_mood_at_or_below": args.safety_mood_at_or_below, "countries": args.countries.split(","),
            "retention_years": args.retention_years, "sender_number": args.sender_number,
            "messaging_service_sid": args.messaging_service_sid,
            **({"escalation_email": args.escalation_email} if args.escalation_email else {})})
    except ValueError as exc:  # a setting that does not read: said plainly, nothing stored
        parser.error(str(exc))
    print(f"clinic {clinic.name}  id {clinic.clinic_id}  sender {clinic.settings.sender or 'the default'}")
    _, password = accounts.add_user(clinic.clinic_id, args.admin_email, Role.ADMIN, args.admin_name, now)
    print(f"admin {args.admin_email.lower()}  password {password}")
    if args.provider_email:
        _, password = accounts.add_user(clinic.clinic_id, args.provider_email, Role.PROVIDER, args.provider_name, now)
        print(f"provider {args.provider_email.lower()}  password {password}")
    if args.api_key:
        print(f"api key {accounts.create_api_key(clinic.clinic_id, 'first', now)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
