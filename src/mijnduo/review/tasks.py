"""Background work of the service desk."""

from django.conf import settings
from django_tasks import task

from mijnduo.applications.models import Application
from mijnduo.audit.actors import SYSTEM

from .checks.runner import checks_run
from .constants import CheckTrigger
from .policy import straight_through_enabled
from .services import decision_automatic


@task()
def checks_after_submission(application_id: int) -> None:
    """Run the checks on a new application and, if the policy allows, approve it
    straight through when every check is green."""
    application = Application.objects.filter(pk=application_id).first()
    if application is None:
        return
    checks_run(actor=SYSTEM, application=application, trigger=CheckTrigger.SUBMITTED)
    if straight_through_enabled():
        decision_automatic(application=application)


def on_submitted(application_id: int) -> None:
    """Checks at submission only where they cost the submitter nothing: with a
    background worker, or when straight-through needs them. Otherwise the checks run
    when a staff member first opens the application (selectors.current_checks)."""
    immediate = settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    if straight_through_enabled() or not immediate:
        checks_after_submission.enqueue(application_id)
