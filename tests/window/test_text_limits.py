"""The forms read the core's text limits: a counter under long texts, a cap on lines."""

from __future__ import annotations

import os

import pytest

from tests.support.window_meetings import AGENCIES, held_meeting, make_council
from ui.agencies.agency_dialog import AgencyDialog
from ui.meetings.window.resolution_dialog import ResolutionDialog


@pytest.fixture
def resolution_dialog(qtbot, services):
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    dialog = ResolutionDialog(services.minutes, services.agencies, meeting, services.agenda.items(meeting.id))
    qtbot.addWidget(dialog)
    dialog.lead.set_agency_id(agencies[AGENCIES[1]])
    dialog.next_meeting.setChecked(True)
    return dialog


def test_the_resolution_text_shows_what_is_left_in_persian(resolution_dialog):
    dialog = resolution_dialog
    counter = dialog.form.counter("text")
    assert counter is not None
    assert counter.text() == "۰ از ۳٬۰۰۰"
    dialog.text.setPlainText("م" * 2800)
    assert counter.text() == "۲٬۸۰۰ از ۳٬۰۰۰"
    assert not counter.property("over")
    dialog.show()
    path = os.environ.get("RESOLUTION_COUNTER_PNG")
    if path:  # to look at it: RESOLUTION_COUNTER_PNG=/tmp/resolution-counter.png
        dialog.grab().save(path)


def test_an_over_long_resolution_is_refused_beside_the_text_and_kept(resolution_dialog, services):
    dialog = resolution_dialog
    text = "مقرر شد گزارش ماهانه ارسال شود. " * 100  # 3,199 characters once trimmed
    dialog.text.setPlainText(text)
    counter = dialog.form.counter("text")
    assert counter.text() == "۳٬۱۹۹ از ۳٬۰۰۰"
    assert counter.property("over") is True
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.form.error("text") == "حداکثر ۳٬۰۰۰ نویسه؛ این متن ۳٬۱۹۹ نویسه است."
    assert dialog.text.toPlainText() == text  # nothing cut
    assert services.minutes.resolutions(dialog._meeting.id) == ()
    dialog.text.setPlainText(text[:2000])
    assert counter.property("over") is False
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_line_fields_are_capped_at_the_cores_limit(qtbot, services):
    dialog = AgencyDialog(services.agencies)
    qtbot.addWidget(dialog)
    assert dialog.name.maxLength() == 200
    assert dialog.short_name.maxLength() == 50
    assert dialog.email.maxLength() == 200
    assert dialog.form.counter("address") is not None
    dialog.name.setText("ب" * 5000)
    assert dialog.name.text() == "ب" * 200
