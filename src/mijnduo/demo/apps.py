from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mijnduo.demo"
    label = "demo"
    verbose_name = "Demo data"
