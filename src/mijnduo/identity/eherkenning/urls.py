from digid_eherkenning.models import EherkenningConfiguration
from digid_eherkenning.saml2.eherkenning import (
    generate_dienst_catalogus_metadata,
    generate_eherkenning_metadata,
)
from digid_eherkenning.views.metadata import MetadataView
from django.urls import path

from . import views

# The library's client looks up the ACS as "eherkenning:acs".
app_name = "eherkenning"

urlpatterns = [
    path("inloggen/", views.login_start, name="login"),
    path("inloggen/niet-gelukt/<slug:page>", views.refused, name="refused"),
    path("uitloggen/", views.logout, name="logout"),
    path("sessie/verlengen", views.keep_alive, name="keep-alive"),
    path("eherkenning/acs", views.assertion_consumer_service, name="acs"),
    path(
        "eherkenning/metadata",
        MetadataView.as_view(
            config_model=EherkenningConfiguration,
            metadata_generator=generate_eherkenning_metadata,
            filename="mijnduo-eherkenning-metadata.xml",
        ),
        name="metadata",
    ),
    path(
        "eherkenning/dienstcatalogus",
        MetadataView.as_view(
            config_model=EherkenningConfiguration,
            metadata_generator=generate_dienst_catalogus_metadata,
            filename="mijnduo-dienstcatalogus.xml",
        ),
        name="dienstcatalogus",
    ),
]
