"""Who may sign (R16): the KvK Handelsregister's officers. See docs/kvk.md.

Call :func:`signatory_check` with :func:`signatory_register`; everything else
is for tests and other register implementations.
"""

from .factory import signatory_register, signatory_register_reset
from .http import KvkHttpRegister
from .interface import (
    Bevoegdheid,
    Functionaris,
    Inschrijving,
    RegisterUnavailable,
    SignatoryRegister,
)
from .matching import MatchNote, NameMatch, match_name
from .offline import OfflineRegister
from .signatory import SignatoryOutcome, SignatoryVerdict, signatory_check

__all__ = [
    "Bevoegdheid",
    "Functionaris",
    "Inschrijving",
    "KvkHttpRegister",
    "MatchNote",
    "NameMatch",
    "OfflineRegister",
    "RegisterUnavailable",
    "SignatoryOutcome",
    "SignatoryRegister",
    "SignatoryVerdict",
    "match_name",
    "signatory_check",
    "signatory_register",
    "signatory_register_reset",
]
