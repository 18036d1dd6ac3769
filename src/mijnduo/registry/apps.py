from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "mijnduo.registry"
    label = "registry"
    verbose_name = "Registry: organisations, accounts and beheerautorisaties"
