"""The staff access layer under /servicedesk/ (the work queue at /servicedesk/ is review's)."""

from django.urls import path

from . import member_views, views

app_name = "staff"

urlpatterns = [
    path("inloggen", views.login, name="login"),
    path("inloggen/code", views.verify, name="verify"),
    path("inloggen/instellen", views.enrol, name="enrol"),
    path("uitloggen", views.logout, name="logout"),
    path("medewerkers/", member_views.members, name="members"),
    path("medewerkers/nieuw", member_views.member_create, name="member-create"),
    path("medewerkers/<int:pk>", member_views.member, name="member"),
]
