"""JSON API v1 (form.md §4): validate, submit and read applications."""

import hashlib
import json
import re
from typing import Any

from django.db import IntegrityError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ParseError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from mijnduo.aanvraag.validator import ValidationResult, validate
from mijnduo.identity.authentication import ApiPrincipal
from mijnduo.registry.selectors import held_beheerautorisaties

from .. import files
from ..constants import OPEN_STATUSES, Channel
from ..models import Application
from ..selectors import application_by_idempotency_key, application_for_api_client
from ..services import application_submit
from . import openapi
from .problems import (
    BAD_REQUEST,
    IDEMPOTENCY_MISMATCH,
    NOT_FOUND,
    STATUS_CONFLICT,
    UNSUPPORTED_MEDIA_TYPE,
    VALIDATION,
    ApiProblem,
)
from .serializers import application_body, submitted_body, validation_body

_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,255}")


def _problem_responses(*statuses: int) -> dict[Any, Any]:
    return {(status, "application/problem+json"): openapi.PROBLEM_SCHEMA for status in statuses}


def _document(request: Request) -> Any:
    if not request.META.get("CONTENT_LENGTH", "").strip("0"):
        raise ParseError(_("The request body is empty: send the document as a JSON object."))
    if not (request.content_type or "").startswith("application/json"):
        raise ApiProblem(UNSUPPORTED_MEDIA_TYPE)
    return request.data


def _validated(raw: Any) -> ValidationResult:
    result = validate(raw, held_lookup=held_beheerautorisaties)
    if not result.is_valid:
        raise ApiProblem(VALIDATION, invalid_params=result.problems)
    return result


def _principal(request: Request) -> ApiPrincipal:
    principal = request.user
    if not isinstance(principal, ApiPrincipal):  # authentication classes guarantee it
        raise ApiProblem(NOT_FOUND)
    return principal


class ValidateView(APIView):
    @extend_schema(
        operation_id="aanvraag_valideren",
        summary="Validate a document without storing it",
        request={"application/json": openapi.document_schema()},
        responses={
            200: openapi.VALIDATION_OK_SCHEMA,
            **_problem_responses(400, 401, 413, 415, 503),
        },
    )
    def post(self, request: Request) -> Response:
        return Response(validation_body(_validated(_document(request))))


class SubmitView(APIView):
    @extend_schema(
        operation_id="aanvraag_indienen",
        summary="Submit an application",
        request={"application/json": openapi.document_schema()},
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                description=(
                    "Optional, 1–255 visible ASCII characters. The same key with the same body "
                    "returns the first answer; with another body it is refused (422)."
                ),
            )
        ],
        responses={
            201: openapi.SUBMITTED_SCHEMA,
            **_problem_responses(400, 401, 409, 413, 415, 422, 503),
        },
    )
    def post(self, request: Request) -> Response:
        principal = _principal(request)
        client = principal.client
        key = request.headers.get("Idempotency-Key", "")
        if key and not _IDEMPOTENCY_KEY.fullmatch(key):
            raise ApiProblem(
                BAD_REQUEST, _("The Idempotency-Key must be 1 to 255 visible ASCII characters.")
            )
        raw = _document(request)
        # Only a keyed request can be replayed, so only then is the body fingerprinted.
        fingerprint = _fingerprint(raw) if key else ""
        if key:
            earlier = application_by_idempotency_key(client, key)
            if earlier is not None:
                return _replay(earlier, fingerprint)
        result = _validated(raw)
        try:
            application = application_submit(
                actor=principal.actor,
                submitted=raw,
                result=result,
                channel=Channel.API,
                api_client=client,
                idempotency_key=key,
                request_fingerprint=fingerprint,
            )
        except IntegrityError:
            # A concurrent request with the same key won the race: answer as it did.
            earlier = application_by_idempotency_key(client, key) if key else None
            if earlier is None:
                raise
            return _replay(earlier, fingerprint)
        return _created(application)


def _fingerprint(raw: Any) -> str:
    canonical = json.dumps(raw, sort_keys=True, separators=(",", ":"))  # ASCII-escaped
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _created(application: Application, replayed: bool = False) -> Response:
    headers = {"Location": f"/api/v1/aanvragen/{application.reference}"}
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    return Response(submitted_body(application), status=201, headers=headers)


def _replay(application: Application, fingerprint: str) -> Response:
    if application.request_fingerprint != fingerprint:
        raise ApiProblem(IDEMPOTENCY_MISMATCH)
    return _created(application, replayed=True)


class ApplicationDetailView(APIView):
    @extend_schema(
        operation_id="aanvraag_opvragen",
        summary="An application: document, kind, status and history",
        responses={200: openapi.APPLICATION_SCHEMA, **_problem_responses(401, 404, 503)},
    )
    def get(self, request: Request, referentie: str) -> Response:
        application = application_for_api_client(_principal(request).client, referentie)
        if application is None:
            raise ApiProblem(NOT_FOUND)
        return Response(application_body(application))


def _own_application(request: Request, referentie: str) -> Application:
    application = application_for_api_client(_principal(request).client, referentie)
    if application is None:
        raise ApiProblem(NOT_FOUND)
    return application


class ApplicationPdfView(APIView):
    @extend_schema(
        operation_id="aanvraag_pdf",
        summary="The filled-in form as PDF (PDF/UA, made once and kept)",
        responses={
            (200, "application/pdf"): {"type": "string", "format": "binary"},
            **_problem_responses(401, 404, 503),
        },
    )
    def get(self, request: Request, referentie: str) -> HttpResponse:
        application = _own_application(request, referentie)
        response = HttpResponse(files.application_pdf(application), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{application.reference}.pdf"'
        return response


class AttachmentView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="aanvraag_bijlage_toevoegen",
        summary="Add an attachment (R17: PDF, PNG or JPEG, at most 10 MB, name ≤ 30 characters)",
        description=(
            "Possible until the service desk decides (409 afterwards). While the status is "
            "aanvulling_gevraagd, the attachment is the answer to DUO's question: the "
            "application returns to in_behandeling."
        ),
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "bestand": {"type": "string", "format": "binary"},
                    "naam": {"type": "string", "maxLength": 30},
                },
                "required": ["bestand"],
            }
        },
        responses={
            201: openapi.ATTACHMENT_SCHEMA,
            **_problem_responses(400, 401, 404, 409, 415, 503),
        },
    )
    def post(self, request: Request, referentie: str) -> Response:
        principal = _principal(request)
        application = _own_application(request, referentie)
        if application.status not in OPEN_STATUSES:
            raise ApiProblem(STATUS_CONFLICT)  # early, before reading the upload
        upload = request.FILES.get("bestand")
        if upload is None:
            raise ApiProblem(BAD_REQUEST, _("Send the file in the multipart field “bestand”."))
        naam = str(request.data.get("naam") or upload.name or "")
        # Read one byte more than allowed: R17 then reports "too large" without the
        # whole of an oversized upload in memory.
        content = upload.read(files.MAX_ATTACHMENT_BYTES + 1)
        try:
            stored = files.api_attachment_add(
                actor=principal.actor, application=application, naam=naam, content=content
            )
        except files.AttachmentRefused as error:
            raise ApiProblem(VALIDATION, invalid_params=error.problems) from None
        except files.ApplicationClosed:
            raise ApiProblem(STATUS_CONFLICT) from None  # decided while uploading
        return Response(
            {
                "naam": stored.naam,
                "mediaType": stored.content_type,
                "grootte": stored.size,
                "sha256": stored.sha256,
            },
            status=201,
        )
