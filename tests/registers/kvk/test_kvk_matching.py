"""match_name: tolerant of how people write their name, strict about whose name it is."""

import pytest
from django.utils.translation import override

from mijnduo.registers.kvk import MatchNote, match_name

from .helpers import officer

E = MatchNote.EXACT
I = MatchNote.INITIALS  # noqa: E741
P = MatchNote.FIRST_NAMES_PARTIAL
PI = MatchNote.PREFIX_IGNORED
PR = MatchNote.PREFIX_REORDERED
D = MatchNote.DIACRITICS_IGNORED
T = MatchNote.TITLE_IGNORED

ANNE_MARIE = officer("Anne-Marie", "van der", "Berg")
JAN = officer("Jan", "", "Jänssen")
THREE_NAMES = officer("Anne Marie Johanna", "", "Jansen")
TEUN = officer("Theodorus Johannes", "'t", "Hart")
ANCONA = officer("Rosa", "d'", "Ancona")
DOUBLE = officer("Karin", "", "Jansen-de Vries")
SHOUTED = officer("ANNE-MARIE", "VAN DER", "BERG")


@pytest.mark.parametrize(
    ("signed", "who", "notes"),
    [
        ("Anne-Marie van der Berg", ANNE_MARIE, (E,)),
        ("anne-marie VAN DER BERG", ANNE_MARIE, (E,)),
        ("Anne Marie van der Berg", ANNE_MARIE, (E,)),
        ("Annemarie van der Berg", ANNE_MARIE, (E,)),
        ("Van Der Berg, Anne-Marie", ANNE_MARIE, (E,)),
        ("mr. drs. Anne-Marie van der Berg", ANNE_MARIE, (T,)),
        ("Mr.Drs. Anne-Marie van der Berg", ANNE_MARIE, (T,)),
        ("Dhr. A.M. van der Berg MSc", ANNE_MARIE, (I, T)),
        ("mevr. A.M. van der Berg", ANNE_MARIE, (I, T)),
        ("prof. dr. ir. A.M. van der Berg", ANNE_MARIE, (I, T)),
        ("A.M. van der Berg", ANNE_MARIE, (I,)),
        ("A. M. van der Berg", ANNE_MARIE, (I,)),
        ("A M van der Berg", ANNE_MARIE, (I,)),
        ("AM van der Berg", ANNE_MARIE, (I,)),
        ("A.M.van der Berg", ANNE_MARIE, (I,)),
        ("A.-M. van der Berg", ANNE_MARIE, (I,)),
        ("A. van der Berg", ANNE_MARIE, (I, P)),
        ("Berg, A.M. van der", ANNE_MARIE, (I, PR)),
        ("Berg van der, A.M.", ANNE_MARIE, (I, PR)),
        ("van der Berg, A.M.", ANNE_MARIE, (I,)),
        ("A.M. Berg", ANNE_MARIE, (I, PI)),
        ("A. v.d. Berg", ANNE_MARIE, (I, P)),
        ("A.M. Vanderberg", ANNE_MARIE, (I,)),
        ("A.M. (Anne) van der Berg", ANNE_MARIE, (I,)),
        ("Marie van der Berg", ANNE_MARIE, (P,)),
        ("A.M. van der Berg", SHOUTED, (I,)),
        ("Jan Jänssen", JAN, (E,)),
        ("Jan Janssen", JAN, (D,)),
        ("J. Janssen", JAN, (I, D)),
        ("dhr. J. JANSSEN", JAN, (I, D, T)),
        ("Jänssen, J.", JAN, (I,)),
        ("Jan Jänssen", officer("Jan", "", "Jänssen"), (E,)),
        ("Jan Ja\u0308nssen", JAN, (E,)),  # decomposed ä is the same letter
        ("A.M.J. Jansen", THREE_NAMES, (I,)),
        ("A. Jansen", THREE_NAMES, (I, P)),
        ("Anne Jansen", THREE_NAMES, (P,)),
        ("Johanna Jansen", THREE_NAMES, (P,)),  # the roepnaam is a later first name
        ("Th.J. 't Hart", TEUN, (I,)),
        ("T.J. ’t Hart", TEUN, (I,)),
        ("Th. Hart", TEUN, (I, P, PI)),
        ("Rosa d'Ancona", ANCONA, (E,)),
        ("R. d’Ancona", ANCONA, (I,)),
        ("K. Jansen-de Vries", DOUBLE, (I,)),
        ("K. Jansen – de Vries", DOUBLE, (I,)),
    ],
)
def test_matches(signed: str, who: object, notes: tuple[MatchNote, ...]) -> None:
    match = match_name(signed, who)  # type: ignore[arg-type]
    assert match is not None, signed
    assert match.notes == notes
    assert match.codes == [note.value for note in notes]


@pytest.mark.parametrize(
    ("signed", "who"),
    [
        # Another surname, however close.
        ("Anne-Marie van der Bergen", ANNE_MARIE),
        ("Anne-Marie van der Burg", ANNE_MARIE),
        ("A.M. Berger", ANNE_MARIE),
        ("Jan Jansen", JAN),
        ("K. de Vries", DOUBLE),
        ("K. Jansen", DOUBLE),
        # Another tussenvoegsel.
        ("A.M. van den Berg", ANNE_MARIE),
        ("A.M. van Berg", ANNE_MARIE),
        ("A.M. de Berg", ANNE_MARIE),
        # Initials or first names that conflict.
        ("B. van der Berg", ANNE_MARIE),
        ("A.J. van der Berg", ANNE_MARIE),
        ("M.A. van der Berg", ANNE_MARIE),
        ("A.M.J.K. van der Berg", ANNE_MARIE),
        ("Anna van der Berg", ANNE_MARIE),
        ("Anne-Marieke van der Berg", ANNE_MARIE),
        ("P. Jänssen", JAN),
        ("Johan Jänssen", JAN),
        ("A.J.M. Jansen", THREE_NAMES),
        ("Piet Jansen", THREE_NAMES),
        # A title read as initials: "DR" in capitals without a dot.
        ("DR van der Berg", ANNE_MARIE),
        # No first name or initial at all: anyone in the family.
        ("van der Berg", ANNE_MARIE),
        ("Mr. Van der Berg", ANNE_MARIE),
        ("Berg, van der", ANNE_MARIE),
        # Nothing, or an officer without a personal name (a legal person).
        ("", ANNE_MARIE),
        ("   ", ANNE_MARIE),
        ("mr.", ANNE_MARIE),
        ("A. Berg", officer("", "", "")),
        ("A. Berg", officer("", "", "Berg")),
    ],
)
def test_does_not_match(signed: str, who: object) -> None:
    assert match_name(signed, who) is None  # type: ignore[arg-type]


def test_a_title_is_not_mistaken_for_a_first_name() -> None:
    # "Inge" starts like the title "ing."; "Drs" in capitals without a dot are initials.
    assert match_name("Inge Bos", officer("Inge", "", "Bos")) is not None
    assert match_name("ing. Inge Bos", officer("Inge", "", "Bos")).notes == (  # type: ignore[union-attr]
        MatchNote.TITLE_IGNORED,
    )


def test_a_short_surname_is_not_taken_for_a_degree() -> None:
    assert match_name("J. Ma", officer("Jun", "", "Ma")) is not None


def test_initials_of_a_capitalised_name_are_not_split_when_the_whole_name_is_capitals() -> None:
    # "AM" in a name written all in capitals is a first name, not two initials.
    assert match_name("AM BERG", officer("Am", "", "Berg")) is not None
    assert match_name("AM BERG", officer("Anne Marie", "", "Berg")) is None


def test_every_note_has_an_english_label() -> None:
    with override("en"):
        labels = {note: str(note.label) for note in MatchNote}
    assert all(labels.values())
    assert len(set(labels.values())) == len(MatchNote)
    assert labels[MatchNote.INITIALS] == "initials compared with the first names"
