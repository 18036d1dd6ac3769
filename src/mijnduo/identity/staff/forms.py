"""The staff forms: login, the TOTP code, and the staff management forms."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import StaffRole

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def _textbox(**attrs: str) -> dict[str, str]:
    return {"class": TEXTBOX, "spellcheck": "false", **attrs}


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs=_textbox(autocomplete="username", autocapitalize="none")),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_textbox(autocomplete="current-password")),
    )

    def clean_username(self) -> str:
        # Usernames are stored in lower case; typing one with capitals still works,
        # and the lockout counts it as the same username.
        return str(self.cleaned_data["username"]).strip().lower()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        help_text=_("The 6 digits your authenticator app shows now."),
        max_length=20,
        widget=forms.TextInput(
            attrs=_textbox(
                autocomplete="one-time-code",
                inputmode="numeric",
                pattern="[0-9 ]*",
                size="8",
            )
        ),
        error_messages={"required": _("Enter the 6-digit code.")},
    )

    def clean_code(self) -> str:
        code = re.sub(r"\s", "", str(self.cleaned_data["code"]))
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Enter the 6 digits of the code, without letters."))
        return code


def _roles_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Roles"),
        choices=StaffRole.choices,
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
        error_messages={"required": _("Choose at least one role.")},
    )


class RolesForm(forms.Form):
    roles = _roles_field()


class StaffCreateForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        help_text=_("Lower case letters, digits, dots, hyphens or underscores; not an e-mail."),
        max_length=50,
        widget=forms.TextInput(attrs=_textbox(autocomplete="off", autocapitalize="none")),
    )
    naam = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs=_textbox(autocomplete="off")),
    )
    roles = _roles_field()
    password = forms.CharField(
        label=_("Initial password"),
        help_text=_(
            "At least 12 characters, not a common password and not only digits. "
            "Give it to the staff member in person; they set up their authenticator app "
            "at the first login."
        ),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_textbox(autocomplete="new-password")),
    )
    password_again = forms.CharField(
        label=_("Initial password again"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs=_textbox(autocomplete="new-password")),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password"), cleaned.get("password_again")
        if first and second and first != second:
            self.add_error("password_again", _("The two passwords are not the same."))
        return cleaned
