from django.urls import path

from .views import audit, detail, files, paper, queue, statistics, tokens

app_name = "review"

_REF = "aanvragen/<str:reference>"

urlpatterns = [
    path("", queue.queue_view, name="queue"),
    path(f"{_REF}/", detail.application_view, name="application"),
    path(f"{_REF}/toewijzen", queue.assign_view, name="assign"),
    path(f"{_REF}/controles", detail.run_checks_view, name="run-checks"),
    path(f"{_REF}/besluit", detail.decide_view, name="decide"),
    path(f"{_REF}/besluit/<int:decision_id>/bevestigen", detail.confirm_view, name="confirm"),
    path(f"{_REF}/besluit/<int:decision_id>/terugsturen", detail.send_back_view, name="send-back"),
    path(f"{_REF}/pdf", files.pdf_view, name="pdf"),
    path(f"{_REF}/bestanden/<int:file_id>", files.file_view, name="file"),
    path("papier/", paper.paper_intake_view, name="paper"),
    path("tokengeneratoren/", tokens.token_returns_view, name="token-returns"),
    path("managementinformatie/", statistics.statistics_view, name="mi"),
    path("audit/", audit.audit_view, name="audit"),
    path("audit/export", audit.audit_export_view, name="audit-export"),
]
