"""Each Lambda function loads only what it uses: checked in fresh interpreters, as a cold start sees it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from shared.wiring import Lazy

ROOT = Path(__file__).resolve().parents[2]
LOCAL_ENV = {"TAPERLINE_MODE": "local", "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "TWILIO_API_URL": "http://127.0.0.1:9",
             "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": "cold", "TWILIO_FROM_NUMBER": "+15005550006",
             "APP_SECRET": "cold-" + "0" * 32}  # nothing below makes a network call
WATCHED = ("flask", "marshmallow", "pygal", "apispec", "jinja2", "werkzeug", "flask_wtf", "twilio.rest", "boto3",
           "phonenumbers")


def loaded_after(code: str) -> set[str]:
    """The watched modules loaded once `code` has run in a fresh interpreter."""
    script = f"import json, sys\n{code}\nprint(json.dumps([m for m in {WATCHED!r} if m in sys.modules]))"
    env = {**os.environ, **LOCAL_ENV, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_dispatch_cold_start_loads_no_web_framework_and_no_twilio_until_it_sends():
    # Given a fresh dispatch function, when its first call builds the services
    loaded = loaded_after("import functions.dispatch.handler as h\nh._default_services()")
    # Then nothing of the web function comes along, and the Twilio client waits for a text to send
    assert loaded == {"boto3"}, loaded


def test_dispatch_loads_the_twilio_client_for_its_first_text():
    loaded = loaded_after("import functions.dispatch.handler as h\nh._default_services().sms.built()")
    assert "twilio.rest" in loaded and not loaded & {"flask", "marshmallow", "pygal", "apispec"}, loaded


def test_web_cold_start_never_loads_the_twilio_rest_client():
    # The web function answers Twilio with TwiML and queues every other text: it never calls the REST API.
    loaded = loaded_after("import functions.web.handler as h\nh._handler = h._build()")
    assert {"flask", "marshmallow", "boto3"} <= loaded and "twilio.rest" not in loaded, loaded
    # the chart library and the phone-number metadata load with the first page or enrollment that needs them
    assert not loaded & {"pygal", "phonenumbers"}, loaded


def test_a_lazy_sender_is_built_once_however_many_threads_ask_at_once():
    builds = []
    start = threading.Barrier(8)

    def build():
        builds.append(1)
        return {"sent": []}

    lazy = Lazy(build)

    def ask():
        start.wait()
        lazy.get("sent").append(1)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and lazy.built() == {"sent": [1] * 8}
