from django.urls import path

from . import application_views as views
from . import response_views, signing_views

app_name = "portal"

_REF = "aanvragen/<str:reference>"

urlpatterns = [
    path("aanvragen/", views.application_list, name="applications"),
    path("aanvragen/nieuw", views.application_new, name="application-new"),
    path(f"{_REF}/", views.application_status, name="application-status"),
    path(f"{_REF}/stap/<slug:step>", views.application_step, name="application-step"),
    path(f"{_REF}/controleren", views.application_check, name="application-check"),
    path(f"{_REF}/bijlage", views.application_attach, name="application-attach"),
    path(f"{_REF}/verwijderen", views.application_delete, name="application-delete"),
    path(f"{_REF}/terugnemen", views.application_withdraw_signing, name="application-withdraw"),
    path(f"{_REF}/pdf", views.application_pdf, name="application-pdf"),
    path(
        f"{_REF}/aanvulling",
        response_views.application_respond_view,
        name="application-respond",
    ),
    path("ondertekenen/<str:token>", signing_views.sign, name="sign"),
]
