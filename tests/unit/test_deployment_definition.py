"""serverless.yml and the code agree: handlers exist, every env name is a setting, infra is included."""
import json
import re
from pathlib import Path

from local.table_definition import load_template

ROOT = Path(__file__).resolve().parents[2]
SERVERLESS = load_template(ROOT / "serverless.yml")


IMPORT_WITHOUT_CLIENTS = """
import sys, boto3, boto3.session, twilio.rest
def refuse(*args, **kwargs):
    raise AssertionError("a client was built at import")
boto3.client = boto3.session.Session.client = boto3.session.Session.resource = refuse
twilio.rest.Client.__init__ = refuse
from importlib import import_module
handler = getattr(import_module(sys.argv[1]), sys.argv[2])
print(callable(handler))
"""


def test_each_function_handler_imports_without_building_any_client():
    """Not on an ordinary cold start, nor in a SnapStart init (whose imports go into the snapshot)."""
    import os
    import subprocess
    import sys

    for initialization in ("on-demand", "snap-start"):
        env = {**os.environ, "AWS_LAMBDA_INITIALIZATION_TYPE": initialization}
        for name, function in SERVERLESS["functions"].items():
            module, _, attr = function["handler"].rpartition(".")
            out = subprocess.run([sys.executable, "-c", IMPORT_WITHOUT_CLIENTS, module.replace("/", "."), attr],
                                 cwd=ROOT, env=env, capture_output=True, text=True)
            assert out.returncode == 0 and out.stdout.strip() == "True", (name, initialization, out.stderr)


def test_every_environment_name_is_read_by_settings():
    source = (ROOT / "shared" / "config.py").read_text()
    read = set(re.findall(r'env(?:\.get\(|, )"([A-Z_]+)"', source))
    given = set(SERVERLESS["provider"]["environment"]) - {"POWERTOOLS_SERVICE_NAME"}
    for function in SERVERLESS["functions"].values():
        given |= set(function.get("environment", {}))
    assert given <= read, given - read
    assert SERVERLESS["provider"]["environment"]["TAPERLINE_MODE"] == "aws"


def test_dispatch_runs_every_minute_and_web_takes_every_route():
    assert SERVERLESS["functions"]["dispatch"]["events"] == [{"schedule": "rate(1 minute)"}]
    assert SERVERLESS["functions"]["web"]["events"] == [{"httpApi": "*"}]


def test_dispatch_fans_out_to_at_most_one_worker_per_shard_within_twilios_concurrency():
    functions, custom = SERVERLESS["functions"], SERVERLESS["custom"]
    schedule, worker = functions["dispatch"], functions["dispatchWorker"]
    assert worker["handler"] == "functions/dispatch/handler.worker" and "events" not in worker  # started by the schedule
    assert schedule["environment"]["DISPATCH_WORKER_FUNCTION"] == "${self:custom.dispatchWorkerName}"
    assert custom["dispatchWorkerName"] == "${self:service}-${sls:stage}-dispatchWorker"  # osls' name for it
    assert worker["reservedConcurrency"] == "${self:custom.dueShards}"
    assert SERVERLESS["provider"]["environment"]["DUE_SHARDS"] == "${self:custom.dueShards}"
    assert custom["dueShards"] * custom["dispatchConcurrency"] <= 100  # Twilio's default account concurrency
    assert (worker["maximumRetryAttempts"], worker["maximumEventAge"]) == (0, 60)  # the next minute re-plans
    assert worker["timeout"] - 15 <= 60  # claims (until 15 s before its end) no longer than a minute


def test_table_comes_from_infra_and_the_package_leaves_out_the_local_stack():
    assert "${file(infra/table.yml)}" in SERVERLESS["resources"]
    assert "local/**" not in SERVERLESS["package"]["patterns"] and SERVERLESS["package"]["patterns"][0] == "!**"
    assert "TaperlineTable" in load_template()["Resources"]


def test_dispatch_imports_neither_flask_nor_marshmallow():
    import subprocess
    import sys

    code = "import sys, functions.dispatch.handler; print(sorted(m for m in ('flask', 'marshmallow') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_runtime_is_python_3_13_with_its_wheels_and_bytecode_compiled_after_the_requirements():
    assert SERVERLESS["provider"]["runtime"] == "python3.13"
    pip = SERVERLESS["custom"]["pythonRequirements"]["pipCmdExtraArgs"]
    assert pip[pip.index("--python-version") + 1] == "3.13"
    plugins = SERVERLESS["plugins"]
    assert plugins.index("./infra/compile_bytecode.js") > plugins.index("serverless-python-requirements")


def test_snapstart_is_on_the_web_function_only():
    assert SERVERLESS["functions"]["web"]["snapStart"] is True
    assert "snapStart" not in SERVERLESS["functions"]["dispatch"]  # warm every minute: see the README


def test_the_template_check_finds_snapstart_missing_an_alias_not_called_and_a_stale_hash():
    from scripts.check_template import problems

    good = {"Resources": {
        "WebLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {"SnapStart": {"ApplyOn": "PublishedVersions"}}},
        "WebLambdaVersionX": {"Type": "AWS::Lambda::Version", "Properties": {"CodeSha256": "abc="}},
        "WebSnapStartLambdaAlias": {"Type": "AWS::Lambda::Alias", "Properties": {
            "Name": "snapstart", "FunctionVersion": {"Fn::GetAtt": ["WebLambdaVersionX", "Version"]}}},
        "HttpApiIntegrationWeb": {"Type": "AWS::ApiGatewayV2::Integration", "Properties": {
            "IntegrationUri": {"Fn::Join": [":", [{"Fn::GetAtt": ["WebLambdaFunction", "Arn"]}, "snapstart"]]}}}}}
    assert problems(good, "abc=") == []
    assert len(problems(good, "other=")) == 1
    bad = json.loads(json.dumps(good))
    del bad["Resources"]["WebLambdaFunction"]["Properties"]["SnapStart"]
    bad["Resources"]["HttpApiIntegrationWeb"]["Properties"]["IntegrationUri"] = {"Fn::GetAtt": ["WebLambdaFunction", "Arn"]}
    assert len(problems(bad, "abc=")) == 2
