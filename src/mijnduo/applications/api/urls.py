from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from .views import (
    ApplicationDetailView,
    ApplicationPdfView,
    AttachmentView,
    SubmitView,
    ValidateView,
)


class SchemaView(SpectacularAPIView):
    """The OpenAPI document, JSON by default (YAML with ?format=yaml)."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]
    authentication_classes: list[type] = []


urlpatterns = [
    path("aanvragen/valideer", ValidateView.as_view(), name="api-validate"),
    path("aanvragen", SubmitView.as_view(), name="api-submit"),
    path("aanvragen/<str:referentie>", ApplicationDetailView.as_view(), name="api-application"),
    path("aanvragen/<str:referentie>/pdf", ApplicationPdfView.as_view(), name="api-pdf"),
    path("aanvragen/<str:referentie>/bijlagen", AttachmentView.as_view(), name="api-attachments"),
    path("schema", SchemaView.as_view(), name="api-schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]
