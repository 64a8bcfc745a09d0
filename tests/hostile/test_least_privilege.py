"""Issue 19's finding: the web function could DeleteItem anywhere in the table, though only sessions, login
failures and an erased patient's items need it. The policy in serverless.yml is evaluated here (Allow statements,
actions, resources, dynamodb:LeadingKeys), and every delete the web function makes in a sign-in, a wrong
password, a sign-out and a patient's erasure is recorded and must be one the policy allows."""
from __future__ import annotations

import fnmatch
from pathlib import Path

from local.table_definition import load_template
from tests.app.conftest import csrf_from
from tests.hostile.test_retention_and_erasure import finished_patient

SERVERLESS = load_template(Path(__file__).resolve().parents[2] / "serverless.yml")
TABLE = {"Fn::GetAtt": "TaperlineTable.Arn"}  # !GetAtt TaperlineTable.Arn, as load_template reads it


def allowed(function: str, action: str, leading_key: str) -> bool:
    """Whether `function`'s role allows `action` on an item of the table whose partition key is `leading_key`."""
    for statement in SERVERLESS["functions"][function].get("iamRoleStatements", []):
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        resources = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
        if statement["Effect"] != "Allow" or action not in actions or TABLE not in resources:
            continue
        condition = statement.get("Condition", {}).get("ForAllValues:StringLike", {}).get("dynamodb:LeadingKeys")
        if condition is None or any(fnmatch.fnmatchcase(leading_key, pattern) for pattern in condition):
            return True
    return False


ERASED = ("PATIENT#p1", "PHONE#+12125550123", "INBOUND#SM1")  # an erased patient's partition, number, texts' dedupe


def test_the_web_function_may_delete_sessions_login_failures_and_erased_patients_and_nothing_else():
    for key in ("SESSION#abc", "LOGINFAIL#a@b", "TOKEN#reset#abc", *ERASED):
        assert allowed("web", "dynamodb:DeleteItem", key) and allowed("web", "dynamodb:BatchWriteItem", key), key
    for stranger in ("CLINIC#c1", "USER#admin@example.org", "APIKEY#x", "ENROLLS#c1", "DUE#1"):
        assert not allowed("web", "dynamodb:DeleteItem", stranger), stranger
        assert not allowed("web", "dynamodb:BatchWriteItem", stranger), stranger
        assert allowed("web", "dynamodb:PutItem", stranger)  # its other rights are unchanged
    assert not any(allowed(function, action, key) for key in ("SESSION#abc", *ERASED)
                   for action in ("dynamodb:DeleteItem", "dynamodb:BatchWriteItem")
                   for function in ("dispatch", "dispatchWorker"))


def test_the_minutes_run_only_reads_the_due_index_and_starts_workers():
    """It sends nothing (the workers do): no write to the table, no mail, and the only function it may invoke is the
    worker."""
    statements = SERVERLESS["functions"]["dispatch"]["iamRoleStatements"]
    actions = {action for s in statements for action in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])}
    assert actions == {"dynamodb:Query", "kms:Decrypt", "ssm:GetParameter", "lambda:InvokeFunction"}
    assert not any(allowed("dispatch", action, "PATIENT#p1") for action in ("dynamodb:PutItem", "dynamodb:UpdateItem",
                                                                            "dynamodb:Query"))
    [invoke] = [s for s in statements if s["Action"] == "lambda:InvokeFunction"]
    assert invoke["Resource"]["Fn::Sub"].endswith(":function:${self:custom.dispatchWorkerName}")


def test_every_delete_the_web_function_makes_is_one_the_policy_allows(world):
    deleted: list[str] = []
    batched: list[str] = []
    events = world.services.store.client.meta.events
    events.register("before-parameter-build.dynamodb.DeleteItem",
                    lambda params, **_: deleted.append(params["Key"]["PK"]["S"]))
    events.register("before-parameter-build.dynamodb.BatchWriteItem", lambda params, **_: batched.extend(
        request["DeleteRequest"]["Key"]["PK"]["S"] for requests in params["RequestItems"].values()
        for request in requests))
    client = world.client
    token = csrf_from(client.get("/login"))
    assert client.post("/login", data={"email": world.demo.admin_email, "password": "wrong", "csrf_token": token}
                       ).status_code == 401
    world.sign_in(world.demo.admin_email, world.demo.admin_password)  # clears the failure count
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/patients"))})  # ends the session
    patient_id, done = finished_patient(world)
    world.services.clock.set(done)
    assert world.api("DELETE", f"/api/patients/{patient_id}").status_code == 200
    assert {key.split("#")[0] for key in deleted} == {"LOGINFAIL", "SESSION", "PHONE", "PATIENT"}, deleted
    assert {key.split("#")[0] for key in batched} == {"PATIENT", "INBOUND"}, batched
    assert all(allowed("web", "dynamodb:DeleteItem", key) for key in deleted)
    assert all(allowed("web", "dynamodb:BatchWriteItem", key) for key in batched)
