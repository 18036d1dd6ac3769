from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "mijnduo.portal"
    label = "portal"
    verbose_name = "Portal: the pages people see"
