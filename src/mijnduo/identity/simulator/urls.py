from django.urls import path

from . import views

app_name = "eherkenning-simulator"

urlpatterns = [
    path("metadata", views.metadata, name="metadata"),
    path("sso", views.single_sign_on, name="sso"),
    path("kies", views.choose, name="choose"),
    path("artifact", views.artifact_resolution, name="artifact"),
]
