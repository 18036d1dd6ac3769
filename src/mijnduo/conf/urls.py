from django.conf import settings
from django.urls import include, path

from mijnduo.portal import views as portal_views

urlpatterns = [
    path("", portal_views.start, name="start"),
    path("health", portal_views.health, name="health"),
    path("problemen/<slug:slug>", portal_views.problem_type, name="problem-type"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("mijnduo.applications.api.urls")),
    path("mijn-organisatie", portal_views.my_organisation, name="mijn-organisatie"),
    path("servicedesk/", include("mijnduo.identity.staff.urls")),
    path("servicedesk/", include("mijnduo.review.urls")),
    path("", include("mijnduo.portal.urls")),
    path("", include("mijnduo.identity.eherkenning.urls")),
]

if settings.MIJNDUO_EHERKENNING_SIMULATOR:
    urlpatterns.append(
        path("simulator/eherkenning/", include("mijnduo.identity.simulator.urls")),
    )

handler404 = "mijnduo.portal.views.not_found"
handler500 = "mijnduo.portal.views.server_error"
