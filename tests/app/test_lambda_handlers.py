"""The two Lambda entry points, called with the events API Gateway and EventBridge send."""
import base64
from datetime import datetime, timezone
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from functions.dispatch import handler as dispatch
from functions.web import handler as web
from shared.domain.jobs import Channel, Job, JobStatus
from tests.builders import a_patient


@pytest.fixture
def lambda_env(monkeypatch, local_settings, dynamodb):
    """The environment serverless.yml gives the functions, pointed at moto."""
    env = {"TAPERLINE_MODE": "local", "TABLE_NAME": local_settings.table_name,
           "AWS_ENDPOINT_URL": local_settings.aws_endpoint_url, "PUBLIC_BASE_URL": "https://api.taper.example",
           "TWILIO_ACCOUNT_SID": local_settings.twilio_account_sid, "TWILIO_AUTH_TOKEN": "lambda-token",
           "TWILIO_FROM_NUMBER": "+15005550006", "TWILIO_API_URL": "http://127.0.0.1:9", "DUE_SHARDS": "4",
           "APP_SECRET": "lambda-app-secret"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(web, "_handler", None)
    monkeypatch.setattr(dispatch, "_services", None)
    return env


def http_api_event(method, path, body="", headers=None):
    return {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
            "headers": {"host": "api.taper.example", "x-forwarded-proto": "https", "x-forwarded-port": "443",
                        **(headers or {})},
            "requestContext": {"http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                                        "sourceIp": "203.0.113.9"}, "stage": "$default"},
            "body": base64.b64encode(body.encode()).decode(), "isBase64Encoded": True}


def test_web_handler_answers_a_signed_help_through_api_gateway(lambda_env):
    form = {"From": "+15551234567", "To": "+15005550006", "Body": "HELP", "MessageSid": "SMlambda",
            "AccountSid": lambda_env["TWILIO_ACCOUNT_SID"], "NumMedia": "0"}
    signature = RequestValidator("lambda-token").compute_signature("https://api.taper.example/sms/inbound", form)
    event = http_api_event("POST", "/sms/inbound", urlencode(form), {
        "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature})
    response = web.handler(event, None)
    assert response["statusCode"] == 200
    body = base64.b64decode(response["body"]).decode() if response["isBase64Encoded"] else response["body"]
    assert "LDN taper texts. Msg freq varies" in body


def test_web_handler_refuses_a_forged_webhook(lambda_env):
    event = http_api_event("POST", "/sms/inbound", "From=%2B15551234567&Body=HELP&MessageSid=SMf",
                           {"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "forged"})
    assert web.handler(event, None)["statusCode"] == 403


def test_dispatch_handler_uses_the_event_time_not_the_wall_clock(lambda_env, store):
    due = datetime(2030, 1, 1, 2, 0, tzinfo=timezone.utc)  # years ahead of any wall clock
    store.enroll(a_patient("p1", phone="+15551234567"), [])
    job = Job.new(patient_id="p1", channel=Channel.SMS, kind="dose_reminder", to="+15551234567", send_at=due,
                  unique="h1", body="hello")
    store.put_job(job)
    early = dispatch.handler({"time": "2029-12-31T23:59:00Z", "detail-type": "Scheduled Event"}, None)
    assert early["sent"] == 0 and early["retried"] == 0
    # At its minute the send is tried; the Twilio endpoint here is unreachable, so it is kept for a retry
    report = dispatch.handler({"time": "2030-01-01T02:00:00Z", "detail-type": "Scheduled Event"}, None)
    assert report["retried"] == 1
    kept = store.get_job("p1", job.job_id)
    assert kept.status is JobStatus.PENDING and kept.error_code == "network"
