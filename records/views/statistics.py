"""/statistics/: the archive in figures, each a chart (SVG, no script) beside its data table."""
from django.shortcuts import render

from records import charts, statistics
from records.filters import PeriodForm
from records.views.caching import changes_on_import

OVER_YEARS = ["meetings", "roles", "outcomes", "vetoes"]
RANKINGS = ["languages", "states", "speakers", "topics"]


@changes_on_import
def statistics_view(request):
    form = PeriodForm({k: v for k, v in request.GET.items() if v} or None)
    version = statistics.current_version()
    whole = statistics.span(version)
    if form.is_bound and not form.is_valid():
        return render(request, "records/statistics.html", {"form": form, "span": whole}, status=400)
    cleaned = form.cleaned_data if form.is_bound else {}
    first = cleaned.get("start") or (whole[0] if whole else 1946)
    last = cleaned.get("end") or (whole[1] if whole else 1946)
    series = statistics.figures(version, first, last)
    figures = [_figure(name, series[name], charts.over_years) for name in OVER_YEARS]
    figures += [_figure(name, series[name], charts.ranking) for name in RANKINGS]
    return render(request, "records/statistics.html", {
        "form": form, "span": whole, "first": first, "last": last, "figures": figures,
    })


def _figure(name, series, draw):
    return {"id": f"chart-{name}", "series": series,
            "svg": None if series.empty else draw(series, f"chart-{name}"), "empty": charts.describe(series)}
