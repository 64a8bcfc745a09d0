"""What every DynamoDB record class shares: the client, the table, marshalling and error mapping."""
from __future__ import annotations

from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import BotoCoreError, ClientError

from shared.services.ports import StoreUnavailable

# Named conditions, combined by name.
ITEM_IS_NEW = "attribute_not_exists(PK)"

_to_dynamo = TypeSerializer().serialize
_from_dynamo = TypeDeserializer().deserialize


def marshal(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _to_dynamo(v) for k, v in item.items() if v is not None}


def unmarshal(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _from_dynamo(v) for k, v in item.items()}


def plain_numbers(value: Any) -> Any:
    """DynamoDB numbers come back as Decimal; maps of settings and evidence want plain ints and floats."""
    from decimal import Decimal

    if isinstance(value, dict):
        return {k: plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_numbers(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def error_code(exc: ClientError) -> str:
    return exc.response.get("Error", {}).get("Code", "")


def cancelled_by_condition(exc: ClientError, index: int) -> bool:
    """True when a cancelled transaction failed on the condition of its item at `index`."""
    reasons = exc.response.get("CancellationReasons", [])
    return len(reasons) > index and reasons[index].get("Code") == "ConditionalCheckFailed"


class TableAccess:
    """Turns transport failures into StoreUnavailable so callers can lose nothing and retry."""

    client: Any
    table: str

    def _call(self, operation: str, **kwargs: Any) -> dict:
        try:
            return getattr(self.client, operation)(**kwargs)
        except ClientError as exc:
            if error_code(exc) in ("ConditionalCheckFailedException", "TransactionCanceledException"):
                raise
            raise StoreUnavailable(f"DynamoDB {operation} failed: {error_code(exc)}") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable(f"DynamoDB {operation} failed: {type(exc).__name__}") from exc

    def _clinic_items(self, clinic_pk: str, prefix: str, status: str | None = None) -> list[dict[str, Any]]:
        """Items of one kind (patients, escalations) of a clinic, from the clinic index, maybe by status."""
        query: dict[str, Any] = dict(TableName=self.table, IndexName="clinic",
                                     KeyConditionExpression="clinic_pk = :c AND begins_with(clinic_sk, :p)",
                                     ExpressionAttributeValues={":c": {"S": clinic_pk}, ":p": {"S": prefix}})
        if status:
            query["FilterExpression"] = "#status = :s"
            query["ExpressionAttributeNames"] = {"#status": "status"}
            query["ExpressionAttributeValues"][":s"] = {"S": status}
        return self._query_all(**query)

    def _query_all(self, **query: Any) -> list[dict[str, Any]]:
        """Every item a query matches, page by page, unmarshalled."""
        found: list[dict[str, Any]] = []
        while True:
            page = self._call("query", **query)
            found += [unmarshal(item) for item in page.get("Items", [])]
            if "LastEvaluatedKey" not in page:
                return found
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
