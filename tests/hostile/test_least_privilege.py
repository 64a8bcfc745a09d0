"""Issue 19's finding: the web function could DeleteItem anywhere in the table, though only sessions and login
failures need it. The policy in serverless.yml is evaluated here (Allow statements, actions, resources,
dynamodb:LeadingKeys), and every delete the web function makes in a sign-in, a wrong password and a sign-out
is recorded and must be one the policy allows."""
from __future__ import annotations

import fnmatch
from pathlib import Path

from local.table_definition import load_template
from tests.app.conftest import csrf_from

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


def test_the_web_function_may_delete_sessions_and_login_failures_and_nothing_else():
    assert allowed("web", "dynamodb:DeleteItem", "SESSION#abc") and allowed("web", "dynamodb:DeleteItem", "LOGINFAIL#a@b")
    for stranger in ("PATIENT#p1", "CLINIC#c1", "USER#admin@example.org", "PHONE#+12125550123", "INBOUND#SM1", "APIKEY#x"):
        assert not allowed("web", "dynamodb:DeleteItem", stranger), stranger
        assert allowed("web", "dynamodb:PutItem", stranger)  # its other rights are unchanged
    assert not any(allowed("dispatch", "dynamodb:DeleteItem", key) for key in ("SESSION#abc", "PATIENT#p1"))


def test_every_delete_the_web_function_makes_is_one_the_policy_allows(world):
    deleted: list[str] = []
    events = world.services.store.client.meta.events
    events.register("before-parameter-build.dynamodb.DeleteItem",
                    lambda params, **_: deleted.append(params["Key"]["PK"]["S"]))
    client = world.client
    token = csrf_from(client.get("/login"))
    assert client.post("/login", data={"email": world.demo.admin_email, "password": "wrong", "csrf_token": token}
                       ).status_code == 401
    world.sign_in(world.demo.admin_email, world.demo.admin_password)  # clears the failure count
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/patients"))})  # ends the session
    assert {key.split("#")[0] for key in deleted} == {"LOGINFAIL", "SESSION"}, deleted
    assert all(allowed("web", "dynamodb:DeleteItem", key) for key in deleted)
