"""The filtered lists as CSV and JSON downloads, each row with its permalink."""
import csv

from django.http import JsonResponse, StreamingHttpResponse

FORMATS = {"csv", "json"}
MEETING_FIELDS = ["symbol", "number", "resumption", "date", "scheduled", "president", "agenda", "languages",
                  "votes", "url"]


def meeting_row(request, meeting):
    return {
        "symbol": meeting.symbol,
        "number": meeting.number,
        "resumption": meeting.resumption,
        "date": meeting.date.isoformat(),
        "scheduled": meeting.scheduled.strftime("%H:%M") if meeting.scheduled else None,
        "president": meeting.president_country_id,
        "agenda": " | ".join(meeting.agenda_titles),
        "languages": " ".join(meeting.languages),
        "votes": meeting.vote_count,
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
    }


def meetings(request, queryset, export):
    rows = (meeting_row(request, m) for m in queryset.iterator(chunk_size=500))
    if export == "json":
        results = list(rows)
        return JsonResponse({"count": len(results), "results": results}, json_dumps_params={"ensure_ascii": False})
    return csv_response("meetings.csv", MEETING_FIELDS, rows)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
