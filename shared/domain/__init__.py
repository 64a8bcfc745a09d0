"""Pure domain logic: no boto3, twilio or flask, no clock reads, no I/O."""
