"""moto server in a process of its own (atomic per request, see local/moto_atomic.py): prints its URL, then serves
until its stdin closes. The load test runs DynamoDB here so that moto and the app each get a core."""
from __future__ import annotations

import logging
import sys

from moto.server import ThreadedMotoServer

from local.moto_atomic import atomic_moto


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with atomic_moto(server):
        print(f"http://{host}:{port}", flush=True)
        sys.stdin.read()  # until the test closes our stdin (or dies)
    server.stop()


if __name__ == "__main__":
    main()
