from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "mijnduo.identity"
    label = "identity"
    verbose_name = "Identity: API clients (and later eHerkenning)"
