"""The local stack (`make dev`): the whole service on one machine, no cloud account, no Docker."""
