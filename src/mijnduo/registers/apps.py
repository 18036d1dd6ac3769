from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "mijnduo.registers"
    label = "registers"
    verbose_name = "Registers (CBS municipalities, DUO boards, institutions and locations)"
