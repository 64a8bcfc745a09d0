"""The one table handle every DynamoDB record class shares: calls, paging, transactions, error mapping."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import BotoCoreError, ClientError

from shared.adapters import keys
from shared.errors import StoreUnavailable

# Named conditions, combined by name.
ITEM_IS_NEW = "attribute_not_exists(PK)"
ITEM_EXISTS = "attribute_exists(PK)"

_to_dynamo = TypeSerializer().serialize
_from_dynamo = TypeDeserializer().deserialize


def marshal(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _to_dynamo(v) for k, v in item.items() if v is not None}


def unmarshal(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _from_dynamo(v) for k, v in item.items()}


def plain_numbers(value: Any) -> Any:
    """DynamoDB numbers come back as Decimal; maps of settings and evidence want plain ints and floats."""
    if isinstance(value, dict):
        return {k: plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_numbers(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def cancelled_by_condition(exc: ClientError, index: int) -> bool:
    """True when a cancelled transaction failed on the condition of its item at `index`."""
    reasons = exc.response.get("CancellationReasons", [])
    return len(reasons) > index and reasons[index].get("Code") == "ConditionalCheckFailed"


def moved_meanwhile(exc: ClientError) -> bool:
    """A write cancelled by a condition or by a concurrent transaction: read again and retry."""
    codes = {r.get("Code") for r in exc.response.get("CancellationReasons", [])}
    return bool(codes & {"ConditionalCheckFailed", "TransactionConflict"}) \
        or error_code(exc) == "ConditionalCheckFailedException"


class Table:
    """The client, the table's name and the due index's shard count; transport failures become StoreUnavailable."""

    def __init__(self, client: Any, name: str, shards: int):
        self.client = client
        self.name = name
        self.shards = shards
        self.page_limit: int | None = None   # items per page of clinic_range's queries (None: DynamoDB's 1 MB)

    def call(self, operation: str, **kwargs: Any) -> dict[str, Any]:
        try:
            return dict(getattr(self.client, operation)(**kwargs))
        except ClientError as exc:
            if error_code(exc) in ("ConditionalCheckFailedException", "TransactionCanceledException"):
                raise
            raise StoreUnavailable(f"DynamoDB {operation} failed: {error_code(exc)}") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable(f"DynamoDB {operation} failed: {type(exc).__name__}") from exc

    def get(self, key: keys.Key, consistent: bool = True) -> dict[str, Any] | None:
        found = self.call("get_item", TableName=self.name, Key=key.as_item(), ConsistentRead=consistent)
        return unmarshal(found["Item"]) if "Item" in found else None

    def put(self, item: dict[str, Any], condition: str = "", values: dict[str, Any] | None = None) -> dict[str, Any]:
        """One Put, for a single call or for a transaction."""
        put: dict[str, Any] = {"TableName": self.name, "Item": marshal(item)}
        if condition:
            put["ConditionExpression"] = condition
        if values:
            put["ExpressionAttributeValues"] = marshal(values)
        return put

    def update(self, key: keys.Key, expression: str, values: dict[str, Any], condition: str = "",
               names: dict[str, str] | None = None) -> dict[str, Any]:
        """One Update, for a single call or for a transaction."""
        update: dict[str, Any] = {"TableName": self.name, "Key": key.as_item(), "UpdateExpression": expression,
                                  "ExpressionAttributeValues": marshal(values)}
        if condition:
            update["ConditionExpression"] = condition
        if names:
            update["ExpressionAttributeNames"] = names
        return update

    def exists_check(self, key: keys.Key) -> dict[str, Any]:
        """A transaction item that fails unless the item is there (a patient erased meanwhile writes nothing)."""
        return {"ConditionCheck": {"TableName": self.name, "Key": key.as_item(), "ConditionExpression": ITEM_EXISTS}}

    def transact(self, items: list[dict[str, Any]]) -> None:
        """Write items all or nothing; each item is {"Put": ...} or {"Update": ...}."""
        if items:
            self.call("transact_write_items", TransactItems=items)

    def collection(self, pk: keys.PartitionKey, prefix: keys.SortKeyPrefix) -> list[dict[str, Any]]:
        """Items of one partition whose sort key starts with `prefix`, in sort order."""
        return self.query_all(TableName=self.name, ConsistentRead=True,
                              KeyConditionExpression="PK = :pk AND begins_with(SK, :p)",
                              ExpressionAttributeValues={":pk": {"S": pk}, ":p": {"S": prefix}})

    def clinic_items(self, clinic_id: str, prefix: keys.SortKeyPrefix, status: str | None = None) -> list[dict[str, Any]]:
        """Items of one kind (patients, escalations) of a clinic, from the clinic index, maybe by status."""
        query: dict[str, Any] = dict(TableName=self.name, IndexName=keys.CLINIC_INDEX,
                                     KeyConditionExpression="clinic_pk = :c AND begins_with(clinic_sk, :p)",
                                     ExpressionAttributeValues={":c": {"S": keys.clinic_pk(clinic_id)},
                                                                ":p": {"S": prefix}})
        if status:
            query["FilterExpression"] = "#status = :s"
            query["ExpressionAttributeNames"] = {"#status": "status"}
            query["ExpressionAttributeValues"][":s"] = {"S": status}
        return self.query_all(**query)

    def clinic_range(self, clinic_id: str, bounds: keys.SortKeyRange) -> Iterator[dict[str, Any]]:
        """Items of a clinic whose clinic index key lies within `bounds`, in key order, one Query page fetched
        at a time as the caller reads on (a long range is never held in memory whole)."""
        query: dict[str, Any] = dict(TableName=self.name, IndexName=keys.CLINIC_INDEX,
                                     KeyConditionExpression="clinic_pk = :c AND clinic_sk BETWEEN :low AND :high",
                                     ExpressionAttributeValues={":c": {"S": keys.clinic_pk(clinic_id)},
                                                                ":low": {"S": bounds.low}, ":high": {"S": bounds.high}})
        if self.page_limit:
            query["Limit"] = self.page_limit
        return (unmarshal(item) for item in self.pages(**query))

    def query_all(self, **query: Any) -> list[dict[str, Any]]:
        """Every item a query matches, page by page, unmarshalled."""
        return [unmarshal(item) for item in self.pages(**query)]

    def pages(self, **query: Any) -> Iterator[dict[str, Any]]:
        """The raw items of a query, page by page, as they come."""
        while True:
            page = self.call("query", **query)
            yield from page.get("Items", [])
            if "LastEvaluatedKey" not in page:
                return
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
