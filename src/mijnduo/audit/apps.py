from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "mijnduo.audit"
    label = "audit"
    verbose_name = "Audit trail"
