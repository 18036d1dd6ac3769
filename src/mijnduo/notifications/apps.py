from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """E-mail: an outbox written with the change, sent by a task after commit, retried."""

    name = "mijnduo.notifications"
    label = "notifications"
