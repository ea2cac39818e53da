from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from records.views.search import search_view

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", search_view, name="search"),
    path("", include("records.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
