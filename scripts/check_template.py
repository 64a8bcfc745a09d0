"""Check the packaged CloudFormation: SnapStart on the web function's published versions, the HTTP API
calling that alias, and each published version's CodeSha256 that of the zip (as compiled, bytecode and all).

    python3 -m scripts.check_template .serverless/cloudformation-template-update-stack.json .serverless/taperline.zip
"""
from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

SNAPSTART_FUNCTIONS = ("Web",)


def problems(template: dict[str, Any], zip_sha256: str) -> list[str]:
    resources = template["Resources"]
    found = []
    for name in SNAPSTART_FUNCTIONS:
        function = resources.get(f"{name}LambdaFunction", {}).get("Properties", {})
        if function.get("SnapStart") != {"ApplyOn": "PublishedVersions"}:
            found.append(f"{name}: no SnapStart on published versions")
        alias = resources.get(f"{name}SnapStartLambdaAlias", {}).get("Properties", {})
        if alias.get("Name") != "snapstart" or "Fn::GetAtt" not in alias.get("FunctionVersion", {}):
            found.append(f"{name}: no alias on its published version")
    for logical_id, resource in resources.items():
        body = json.dumps(resource.get("Properties", {}))
        if resource["Type"] == "AWS::ApiGatewayV2::Integration" and '"snapstart"' not in body:
            found.append(f"{logical_id}: the HTTP API does not call the SnapStart alias")
        if resource["Type"] == "AWS::Lambda::Version" and resource["Properties"].get("CodeSha256") != zip_sha256:
            found.append(f"{logical_id}: CodeSha256 is not the zip's (was the zip changed after osls hashed it?)")
    return found


def zip_hash(path: Path) -> str:
    return base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def main(argv: list[str]) -> int:
    found = problems(json.loads(Path(argv[0]).read_text()), zip_hash(Path(argv[1])))
    for problem in found:
        print(f"check_template: {problem}", file=sys.stderr)
    if not found:
        print("check_template: SnapStart on the web function's published version; the HTTP API calls its alias")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
