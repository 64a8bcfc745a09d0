"""Benchmarks (`make bench`): inbound reply latency, dispatch throughput, cold start and cost per patient.

Every figure is measured against the local stack (moto server and the Twilio-compatible endpoint over
loopback, as `make dev` runs them), printed with its target, and written to bench/results.json.
Never part of `make test`: timings belong here, tests assert behaviour.
"""
