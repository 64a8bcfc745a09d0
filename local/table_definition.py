"""Builds the local and test tables from infra/table.yml, the same file CloudFormation deploys."""
from __future__ import annotations

from pathlib import Path
from typing import Any

TABLE_FILE = Path(__file__).resolve().parents[1] / "infra" / "table.yml"
TABLE_RESOURCE = "TaperlineTable"


def load_template(path: Path = TABLE_FILE) -> dict[str, Any]:
    """Read a CloudFormation YAML file, short-form tags (!Ref, !Sub...) included."""
    import yaml  # a local and test dependency only; Lambda never builds tables

    class CfnLoader(yaml.SafeLoader):
        pass

    def intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
        name = "Ref" if tag_suffix == "Ref" else f"Fn::{tag_suffix}"
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {name: value}

    CfnLoader.add_multi_constructor("!", intrinsic)
    return yaml.load(path.read_text(), Loader=CfnLoader)


def table_properties(path: Path = TABLE_FILE) -> dict[str, Any]:
    return load_template(path)["Resources"][TABLE_RESOURCE]["Properties"]


def create_table_request(table_name: str, path: Path = TABLE_FILE) -> dict[str, Any]:
    """The CreateTable call the CloudFormation resource stands for."""
    props = table_properties(path)
    request = {key: props[key] for key in ("AttributeDefinitions", "KeySchema", "BillingMode")}
    request["TableName"] = table_name
    if "GlobalSecondaryIndexes" in props:
        request["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    sse = props.get("SSESpecification")
    if sse:
        request["SSESpecification"] = {"Enabled": sse["SSEEnabled"], "SSEType": sse.get("SSEType", "KMS")}
    return request


def create_table(client: Any, table_name: str, path: Path = TABLE_FILE, replace: bool = False) -> None:
    """Create the table with its indexes, TTL and point-in-time recovery, as deployed.
    With `replace`, a table of that name left from an earlier run is dropped first (local use only)."""
    props = table_properties(path)
    if replace:  # asked by name: list_tables pages at 100 names and would miss it among many tables
        try:
            client.delete_table(TableName=table_name)
        except client.exceptions.ResourceNotFoundException:
            pass
    client.create_table(**create_table_request(table_name, path))
    client.get_waiter("table_exists").wait(TableName=table_name, WaiterConfig={"Delay": 0.05, "MaxAttempts": 200})
    ttl = props.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        client.update_time_to_live(TableName=table_name, TimeToLiveSpecification={
            "Enabled": True, "AttributeName": ttl["AttributeName"]})
    pitr = props.get("PointInTimeRecoverySpecification", {})
    if pitr.get("PointInTimeRecoveryEnabled"):
        client.update_continuous_backups(TableName=table_name, PointInTimeRecoverySpecification={
            "PointInTimeRecoveryEnabled": True})
