"""The questionnaire as respondents see it (kiosk) and as the builder previews it."""

from __future__ import annotations

from apv_desktop.ui.form.view import QuestionnaireView

__all__ = ["QuestionnaireView"]
