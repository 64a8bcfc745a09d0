"""CSV exports for clinic admins: the API's routes here, the pages' in pages.py, one writer for both.

`GET /api/exports/<kind>.csv?from=YYYY-MM-DD&to=YYYY-MM-DD` (kind: checkins, escalations, plan_changes), with the
clinic's API key; `/exports/<kind>.csv` with the same query for a signed-in admin. The answer is streamed: UTF-8
with a byte order mark first (spreadsheets then read names in any script right), a header row, then rows as the
store pages through the clinic index.

Formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
is written with a single quote `'` in front, so a spreadsheet shows it as text instead of running it. Every text
cell is guarded: names, patients' raw answers, notes, ids, who. Number cells (answer values, minutes, doses) are
not: they are written from ints and Decimals of our own records, which are never negative, so they are digits and
a point only, and guarding them would turn them into text in the spreadsheet.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from itertools import chain, islice
from typing import Any, Iterable, Iterator

from flask import Blueprint, Response, g, request, stream_with_context
from flask.typing import ResponseReturnValue
from marshmallow import Schema, ValidationError, validate, validates_schema

from functions.web.auth import admin_only, api_key_required, services
from functions.web.schemas import Day
from shared.services.exports import EARLIEST, LATEST, MAX_DAYS, Cell, Export, ExportService, range_problems

bp = Blueprint("exports", __name__, url_prefix="/api/exports")

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 200
RANGE_RULES = (f"`from` is after `to`, or the range covers more than {MAX_DAYS} days (both ends count)",
               f"a date is before {EARLIEST.isoformat()} or after {LATEST.isoformat()}")  # the 400s besides the schema's


class ExportQuerySchema(Schema):
    """`from` and `to`, the clinic's days, both included; any other parameter is a 400."""

    first = Day(required=True, data_key="from", validate=validate.Range(min=EARLIEST, max=LATEST))
    last = Day(required=True, data_key="to", validate=validate.Range(min=EARLIEST, max=LATEST))

    @validates_schema
    def _a_range(self, data: dict[str, Any], **kwargs: Any) -> None:
        if "first" in data and "last" in data:
            problems = range_problems(data["first"], data["last"])
            if problems:
                raise ValidationError(problems, "to")


def cell_text(value: Cell) -> str:
    """A cell as written: nothing as empty, numbers as they are, text guarded against formula injection."""
    if value is None:
        return ""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_chunks(header: Iterable[str], rows: Iterable[Iterable[Cell]]) -> Iterator[str]:
    """The BOM and header, then rows in chunks of ROWS_PER_CHUNK, written by the csv module (RFC 4180 quoting,
    CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow([cell_text(name) for name in header])
    for n, row in enumerate(rows, 1):
        writer.writerow([cell_text(cell) for cell in row])
        if n % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_download(kind: str, clinic_id: str, args: dict[str, str]) -> Response:
    """The export as a streamed attachment. The first rows are read before answering, so a store that cannot be
    read is a 503, not a cut-off file; later pages are read as the client takes the file."""
    query = ExportQuerySchema().load(args)
    export: Export = ExportService(services().store).export(kind, clinic_id, query["first"], query["last"])
    first = list(islice(export.rows, 1))
    body = stream_with_context(csv_chunks(export.header, chain(first, export.rows)))
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = f"attachment; filename={export.filename}"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/checkins.csv", defaults={"kind": "checkins"})
@bp.get("/escalations.csv", defaults={"kind": "escalations"})
@bp.get("/plan_changes.csv", defaults={"kind": "plan_changes"})
@api_key_required
@admin_only
def api_export(kind: str) -> ResponseReturnValue:
    return csv_download(kind, g.caller.clinic_id, request.args.to_dict())
