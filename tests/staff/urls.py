"""The project's URLs plus two tiny protected views, for the permission tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from mijnduo.conf.urls import urlpatterns as project_urlpatterns
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import staff_required


@staff_required()
def any_staff(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"staff {request.staff.name} {sorted(request.staff.roles)}")


@staff_required(StaffRole.TWEEDE_BEOORDELAAR, StaffRole.FUNCTIONEEL_BEHEERDER)
def reviewers(request: HttpRequest) -> HttpResponse:
    return HttpResponse("reviewers")


urlpatterns = [
    path("servicedesk/test/iedereen", any_staff),
    path("servicedesk/test/beoordelaars", reviewers),
    *project_urlpatterns,
]
