from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "mijnduo.identity"
    label = "identity"
    verbose_name = "Identity: API clients and eHerkenning logins"

    def ready(self) -> None:
        # Registers the system checks (simulator, certificates, cache).
        from .eherkenning import checks  # noqa: F401
