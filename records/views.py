from django.shortcuts import render

from records.models import Country, Meeting


def home(request):
    return render(request, "records/home.html", {
        "meeting_count": Meeting.objects.count(),
        "country_count": Country.objects.count(),
    })
