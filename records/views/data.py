"""/data/: the latest dump of the whole dataset; /robots.txt: where the sitemap is."""
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from records import dataset, exports


def data_page(request):
    manifest = dataset.latest()
    tables = [(table.name, table.columns) for table in (exports.MEETINGS, exports.RECORDS, exports.SPEECHES,
                                                        exports.VOTES, exports.BALLOTS, exports.COUNTRIES,
                                                        exports.RESOLUTIONS)]
    return render(request, "records/data.html", {"manifest": manifest, "tables": tables})


def data_file(request, name):
    manifest = dataset.latest()
    if not manifest or name != manifest["file"]:
        raise Http404("No such dump: the latest is listed on /data/.")
    try:
        handle = (Path(settings.DATASET_DIR) / name).open("rb")
    except OSError:
        raise Http404("The dump is not available.") from None
    return FileResponse(handle, as_attachment=True, filename=name)


def robots(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    return HttpResponse(f"User-agent: *\nDisallow: /admin/\nDisallow: /api/\nSitemap: {sitemap}\n",
                        content_type="text/plain; charset=utf-8")
