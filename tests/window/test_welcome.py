"""The first-start dialog and the council form."""

from __future__ import annotations

from PySide6.QtCore import Qt

from secretariat.members.council import CouncilLevel, QuorumRule
from ui.council.council_form import CouncilDialog
from ui.start.welcome_dialog import WelcomeChoice, WelcomeDialog


def make_dialog(qtbot, services) -> WelcomeDialog:
    dialog = WelcomeDialog(services.council.create)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_creating_the_council_from_the_welcome_dialog(qtbot, services, type_text):
    dialog = make_dialog(qtbot, services)
    assert not dialog.showing_form()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.showing_form()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error("name") == "نام شورا را بنویسید."
    assert services.council.get() is None

    type_text(dialog.fields.name, "شورای هماهنگی روابط عمومی‌های شهرستان پردیس")
    assert dialog.form.error("name") == ""  # cleared as soon as it is typed
    dialog.fields.level.setCurrentIndex(dialog.fields.level.findData(CouncilLevel.COUNTY.value))
    type_text(dialog.fields.chair, "فرماندار شهرستان پردیس")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert dialog.choice is WelcomeChoice.CREATED
    council = services.council.get()
    assert council.name == "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
    assert council.chair == "فرماندار شهرستان پردیس"
    assert council.quorum_rule is QuorumRule.MAJORITY


def test_a_fixed_quorum_asks_for_a_count(qtbot, services, type_text):
    dialog = make_dialog(qtbot, services)
    dialog.show_form()
    count = dialog.fields.quorum_count
    assert not count.isVisibleTo(dialog)
    dialog.fields.quorum_rule.setCurrentIndex(dialog.fields.quorum_rule.findData(QuorumRule.FIXED.value))
    assert count.isVisibleTo(dialog)

    type_text(dialog.fields.name, "شورای استان")
    type_text(count, "دوازده")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "عدد صحیح نیست" in dialog.form.error("quorum_count")

    count.clear()
    type_text(count, "۱۲")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.council.get().quorum_count == 12


def test_the_demo_choice(qtbot, services):
    dialog = make_dialog(qtbot, services)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is WelcomeChoice.DEMO
    assert not dialog.isVisible()
    assert services.council.get() is None


def test_the_council_settings_use_the_same_form(qtbot, services, council, type_text):
    dialog = CouncilDialog(services.council, council)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields.name.text() == council.name
    dialog.fields.secretary.clear()
    type_text(dialog.fields.secretary, "مریم احمدی")
    dialog.fields.name.clear()
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.form.error("name") == "نام شورا را بنویسید."
    type_text(dialog.fields.name, "شورای پردیس")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert services.council.get().secretary == "مریم احمدی"
    assert services.council.get().name == "شورای پردیس"
