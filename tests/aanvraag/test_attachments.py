"""R17: attachments are PDF, PNG or JPEG by content, at most 10 MB, name at most 30 characters."""

import pytest
from django.utils import translation

from mijnduo.aanvraag.attachments import (
    MAX_NAME_LENGTH,
    MAX_SIZE,
    Attachment,
    detect_content_type,
    validate_attachments,
)
from mijnduo.aanvraag.validator import Problem

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
MB = 1024 * 1024


def found(problems: tuple[Problem, ...]) -> list[tuple[str, str, str]]:
    return [(p.name, p.code, p.rule) for p in problems]


# ---------------------------------------------------------------------------
# Content type by magic bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PDF, "application/pdf"),
        (b"%PDF-", "application/pdf"),
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (b"\xff\xd8\xff\xdb", "image/jpeg"),
        (bytearray(PDF), "application/pdf"),
    ],
)
def test_r17_detects_pdf_png_and_jpeg(data: bytes, expected: str) -> None:
    assert detect_content_type(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF",
        b"%pdf-1.4",
        b" %PDF-1.4",
        b"\x89PNG\r\n\x1a",
        b"\x89PNG\n\r\x1a\n",
        b"\xff\xd8",
        b"GIF89a",
        b"PK\x03\x04",  # zip, docx
        b"MZ\x90\x00",  # Windows executable
        b"\xd0\xcf\x11\xe0",  # old Word
        b"<html>%PDF-",
    ],
)
def test_r17_other_content_is_not_recognised(data: bytes) -> None:
    assert detect_content_type(data) is None


def test_r17_content_type_is_judged_by_content_not_by_name() -> None:
    problems = validate_attachments([Attachment("uittreksel.pdf", b"MZ\x90\x00" + b"\x00" * 100)])
    assert found(problems) == [("bijlagen[0].inhoud", "invalid", "R17")]
    assert validate_attachments([Attachment("uittreksel.exe", PDF)]) == ()
    assert validate_attachments([Attachment("uittreksel", PNG)]) == ()


# ---------------------------------------------------------------------------
# Valid attachments


def test_r17_no_attachments_is_valid() -> None:
    assert validate_attachments([]) == ()


def test_r17_valid_attachments() -> None:
    attachments = [
        Attachment("KvK-uittreksel.pdf", PDF),
        Attachment("scan handtekening.png", PNG),
        Attachment("foto.jpg", JPEG),
        Attachment("Uittreksel Handelsregister.pdf", PDF),  # exactly 30 characters
        Attachment("Überschrift ë.pdf", PDF),
    ]
    assert len(attachments[3].naam) == MAX_NAME_LENGTH == 30
    assert validate_attachments(attachments) == ()


# ---------------------------------------------------------------------------
# Size


def test_r17_exactly_ten_megabytes_is_accepted() -> None:
    assert MAX_SIZE == 10 * MB
    content = PDF + b"\x00" * (10 * MB - len(PDF))
    assert validate_attachments([Attachment("a.pdf", content)]) == ()


@pytest.mark.parametrize("header", [PDF, PNG, JPEG])
def test_r17_larger_than_ten_megabytes_is_invalid(header: bytes) -> None:
    content = header + b"\x00" * (10 * MB - len(header) + 1)
    problems = validate_attachments([Attachment("a.pdf", content)])
    assert found(problems) == [("bijlagen[0].inhoud", "invalid", "R17")]
    with translation.override("en"):
        assert "10 MB" in str(problems[0].reason)


def test_r17_empty_content_is_required() -> None:
    problems = validate_attachments([Attachment("a.pdf", b"")])
    assert found(problems) == [("bijlagen[0].inhoud", "required", "R17")]


@pytest.mark.parametrize("content", ["%PDF-1.7", None, 42])
def test_r17_content_that_is_not_bytes_is_invalid(content: object) -> None:
    problems = validate_attachments([Attachment("a.pdf", content)])  # type: ignore[arg-type]
    assert found(problems) == [("bijlagen[0].inhoud", "invalid", "R17")]


# ---------------------------------------------------------------------------
# Document name


def test_r17_name_of_31_characters_is_invalid() -> None:
    naam = "Uittreksel Handelsregister.pdf" + "x"
    assert len(naam) == 31
    problems = validate_attachments([Attachment(naam, PDF)])
    assert found(problems) == [("bijlagen[0].naam", "invalid", "R17")]
    with translation.override("en"):
        assert "30" in str(problems[0].reason)


@pytest.mark.parametrize("naam", ["", "   ", "\u00a0"])
def test_r17_empty_name_is_required(naam: str) -> None:
    problems = validate_attachments([Attachment(naam, PDF)])
    assert found(problems) == [("bijlagen[0].naam", "required", "R17")]


@pytest.mark.parametrize(
    "naam",
    [
        "../../etc/passwd",
        "map/uittreksel.pdf",
        "C:\\temp\\a.pdf",
        "a\x00.pdf",
        "a\n.pdf",
        "a\t.pdf",
        "a\x7f.pdf",
        "a\x85.pdf",
        "uittreksel\u202efdp.exe",
        "..",
        ".",
    ],
)
def test_r17_name_with_control_characters_or_path_separators_is_invalid(naam: str) -> None:
    problems = validate_attachments([Attachment(naam, PDF)])
    assert found(problems) == [("bijlagen[0].naam", "invalid", "R17")]


@pytest.mark.parametrize("naam", [None, 12, b"a.pdf"])
def test_r17_name_that_is_not_text_is_invalid(naam: object) -> None:
    problems = validate_attachments([Attachment(naam, PDF)])  # type: ignore[arg-type]
    assert found(problems) == [("bijlagen[0].naam", "invalid", "R17")]


# ---------------------------------------------------------------------------
# Every problem at once, named by index


def test_r17_every_problem_of_every_attachment_is_reported_with_its_index() -> None:
    problems = validate_attachments(
        [
            Attachment("goed.pdf", PDF),
            Attachment("", b"GIF89a"),
            Attachment("a" * 31, b""),
            Attachment("ok.png", PNG),
            Attachment("x/y.jpg", JPEG),
        ]
    )
    assert found(problems) == [
        ("bijlagen[1].naam", "required", "R17"),
        ("bijlagen[1].inhoud", "invalid", "R17"),
        ("bijlagen[2].naam", "invalid", "R17"),
        ("bijlagen[2].inhoud", "required", "R17"),
        ("bijlagen[4].naam", "invalid", "R17"),
    ]


def test_r17_reasons_are_english_under_english() -> None:
    problems = validate_attachments([Attachment("a.pdf", b"GIF89a")])
    assert not isinstance(problems[0].reason, str)
    with translation.override("en"):
        assert str(problems[0].reason) == "Add the document as PDF, PNG or JPEG."


def test_r17_attachment_is_immutable() -> None:
    attachment = Attachment("a.pdf", PDF)
    with pytest.raises(AttributeError):
        attachment.naam = "b.pdf"  # type: ignore[misc]
