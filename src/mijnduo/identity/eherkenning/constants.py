"""eToegang names this service provider relies on (see docs/eherkenning.md)."""

from enum import StrEnum

LEGAL_SUBJECT_ID = "urn:etoegang:core:LegalSubjectID"
ACTING_SUBJECT_ID = "urn:etoegang:core:ActingSubjectID"
SERVICE_UUID = "urn:etoegang:core:ServiceUUID"
SERVICE_ID = "urn:etoegang:core:ServiceID"
VESTIGINGSNUMMER = "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"

KVK_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:KvKnr"
RSIN_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:RSIN"


class AssuranceLevel(StrEnum):
    """eHerkenning levels of assurance, lowest first."""

    EH1 = "urn:etoegang:core:assurance-class:loa1"
    EH2 = "urn:etoegang:core:assurance-class:loa2"
    EH2_PLUS = "urn:etoegang:core:assurance-class:loa2plus"
    EH3 = "urn:etoegang:core:assurance-class:loa3"
    EH4 = "urn:etoegang:core:assurance-class:loa4"

    @property
    def rank(self) -> int:
        return list(AssuranceLevel).index(self)

    @property
    def label(self) -> str:
        return {
            AssuranceLevel.EH1: "EH1",
            AssuranceLevel.EH2: "EH2",
            AssuranceLevel.EH2_PLUS: "EH2+",
            AssuranceLevel.EH3: "EH3",
            AssuranceLevel.EH4: "EH4",
        }[self]


# The form: "een eHerkenningsmiddel op minimaal niveau 3".
MINIMUM_LEVEL = AssuranceLevel.EH3

# How long before the session ends (settings.SESSION_COOKIE_AGE, 15 minutes) the
# page warns and offers to stay logged in.
SESSION_WARNING_SECONDS = 2 * 60

SESSION_KEY = "mijnduo_eherkenning"
