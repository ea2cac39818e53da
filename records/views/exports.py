"""Every list as CSV or JSON (`?format=csv|json`), streamed row by row with each row's permalink;
the tables themselves are defined in records/exports.py."""
import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse

FORMATS = {"csv", "json"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 100  # rows a query fetches (with its prefetches): small, so that the first rows leave at once


def wanted(request):
    """The export format asked for, or None for the page."""
    value = request.GET.get("format")
    return value if value in FORMATS else None


def respond(request, table, objects, export, filename=None, columns=None, extra=None):
    """The export of `objects` (a queryset, iterated in chunks) as `table`'s rows.

    columns: the table's columns to write (all by default); extra(obj) adds columns of the caller's.
    """
    absolute = request.build_absolute_uri
    iterate = objects.iterator(chunk_size=CHUNK) if hasattr(objects, "iterator") else objects
    rows = ({**table.row(obj, absolute), **(extra(obj) if extra else {})} for obj in iterate)
    name = filename or table.name
    columns = columns or list(table.columns)
    if export == "json":
        return json_response(f"{name}.json", ({k: row.get(k) for k in columns} for row in rows))
    return csv_response(f"{name}.csv", columns, rows)


def safe_cell(value):
    """A cell a spreadsheet will not run: text starting like a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_response(filename, fields, rows):
    writer = csv.DictWriter(_Echo(), fieldnames=fields, extrasaction="ignore")

    def stream():
        yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
        yield writer.writeheader()
        for row in rows:
            yield writer.writerow({k: safe_cell(v) for k, v in row.items()})

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_response(filename, rows):
    """{"results": [...], "count": N}, written as the rows come: never the whole list in memory."""
    def stream():
        yield '{"results": ['
        count = 0
        for row in rows:
            yield ("," if count else "") + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
            count += 1
        yield f'], "count": {count}}}'

    response = StreamingHttpResponse(stream(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
