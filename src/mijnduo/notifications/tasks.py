"""Background tasks (django-tasks): delivery runs after the transaction commits."""

from django_tasks import task

from .services import email_deliver


@task()
def deliver_email(message_id: int) -> bool:
    return email_deliver(message_id)
