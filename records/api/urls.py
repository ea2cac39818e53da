"""/api/v1/: the read-only API; /api/v1/schema/: its OpenAPI 3 document; /api/docs/: the reference."""
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from records.api import views

app_name = "api"
router = DefaultRouter()
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("records", views.RecordViewSet, basename="record")
router.register("speeches", views.SpeechViewSet, basename="speech")
router.register("votes", views.VoteViewSet, basename="vote")
router.register("countries", views.CountryViewSet, basename="country")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("speakers", views.SpeakerViewSet, basename="speaker")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/search/", views.SearchView.as_view(), name="search"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI sets style attributes from its script: this page alone allows inline styles (no inline script).
    path("docs/", csp_update({"style-src": ["'unsafe-inline'"]})(
        SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
]
