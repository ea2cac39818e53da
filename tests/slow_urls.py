"""A test-only URL configuration: one view whose query outlasts the statement timeout."""
from django.db import connection
from django.http import HttpResponse
from django.urls import path


def slow(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(2)")
    return HttpResponse("finished")


urlpatterns = [path("slow/", slow)]
