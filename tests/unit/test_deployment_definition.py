"""serverless.yml and the code agree: handlers exist, every env name is a setting, infra is included."""
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
    import subprocess
    import sys

    for name, function in SERVERLESS["functions"].items():
        module, _, attr = function["handler"].rpartition(".")
        out = subprocess.run([sys.executable, "-c", IMPORT_WITHOUT_CLIENTS, module.replace("/", "."), attr],
                             cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0 and out.stdout.strip() == "True", (name, out.stderr)


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
