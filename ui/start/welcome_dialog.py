"""The first start: create the council, or look around the demo council."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from secretariat.members.council import CouncilDraft, CouncilRecord
from ui import resources, strings
from ui.council.council_form import CouncilFields
from ui.widgets.error_form import ErrorForm
from ui.widgets.unsaved_changes import ChangeGuard, GuardedDialog

CreateCouncil = Callable[[CouncilDraft], CouncilRecord]


class WelcomeChoice(Enum):
    CREATED = "created"
    DEMO = "demo"


class ChoiceButton(QPushButton):
    """A large button with an icon, a title and a line of explanation."""

    def __init__(self, icon_name: str, title: str, hint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("choiceButton")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(title)
        icon = QLabel()
        icon.setPixmap(resources.icon(icon_name).pixmap(QSize(32, 32)))
        title_label = QLabel(title)
        title_label.setObjectName("choiceTitle")
        hint_label = QLabel(hint)
        hint_label.setObjectName("choiceHint")
        hint_label.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(title_label)
        texts.addWidget(hint_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(14)
        row.addWidget(icon)
        row.addLayout(texts, 1)
        for label in (icon, title_label, hint_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self) -> QSize:
        # QPushButton measures only its own (empty) text; the labels decide.
        return cast(QLayout, self.layout()).sizeHint()  # set in __init__

    def minimumSizeHint(self) -> QSize:
        return cast(QLayout, self.layout()).minimumSize()


class WelcomeDialog(GuardedDialog):
    """Accepted with ``choice`` CREATED (``council`` is the new council) or DEMO.

    ``create_council`` saves the form (it may raise ``ValidationError`` or
    ``DomainError``, shown inline); the dialog does not know which database.
    """

    def __init__(
        self, create_council: CreateCouncil, parent: QWidget | None = None, *, start_on_form: bool = False
    ):
        super().__init__(parent)
        self.setWindowTitle(strings.WELCOME_TITLE)
        self.setObjectName("welcomeDialog")
        self._create_council = create_council
        self.choice: WelcomeChoice | None = None
        self.council: CouncilRecord | None = None
        self._pages = QStackedWidget()
        self._pages.addWidget(self._choice_page())
        self._pages.addWidget(self._form_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self._heading())
        layout.addWidget(self._pages, 1)
        self.setMinimumWidth(640)
        self._show_page(1 if start_on_form else 0)
        self._form_changes = ChangeGuard(self.form)
        self._form_changes.remember()
        if start_on_form:
            self.fields.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- pages ----------------------------------------------------------------

    def _heading(self) -> QWidget:
        heading = QWidget()
        row = QHBoxLayout(heading)
        row.setContentsMargins(0, 0, 0, 8)
        logo = QLabel()
        logo.setPixmap(resources.icon("app").pixmap(QSize(56, 56)))
        title = QLabel(strings.WELCOME_HEADING)
        title.setObjectName("welcomeHeading")
        row.addWidget(logo)
        row.addWidget(title, 1)
        return heading

    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(strings.WELCOME_TEXT)
        intro.setWordWrap(True)
        intro.setObjectName("welcomeText")
        self.create_button = ChoiceButton("council-new", strings.WELCOME_CREATE, strings.WELCOME_CREATE_HINT)
        self.create_button.clicked.connect(self.show_form)
        self.demo_button = ChoiceButton("council-demo", strings.WELCOME_DEMO, strings.WELCOME_DEMO_HINT)
        self.demo_button.clicked.connect(self.choose_demo)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addWidget(self.create_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)
        return page

    def _form_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(strings.WELCOME_FORM_HEADING)
        heading.setObjectName("sectionHeading")
        self.form = ErrorForm()
        self.fields = CouncilFields(self.form)
        self.form.set_validator(self.fields.check)
        back = QPushButton(strings.BACK)
        back.clicked.connect(self.show_choices)
        self.save_button = QPushButton(strings.WELCOME_CREATE_BUTTON)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_council)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(back)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        return page

    # -- actions ------------------------------------------------------------------

    def show_form(self) -> None:
        self._show_page(1)
        self.fields.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_choices(self) -> None:
        self._show_page(0)

    def _show_page(self, number: int) -> None:
        # The dialog takes the size of the page shown, not of the largest page.
        for index in range(self._pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == number else QSizePolicy.Policy.Ignored
            cast(QWidget, self._pages.widget(index)).setSizePolicy(policy, policy)  # index < count()
        self._pages.setCurrentIndex(number)
        self.adjustSize()

    def showing_form(self) -> bool:
        return self._pages.currentIndex() == 1

    def save_council(self) -> None:
        def save() -> None:
            self.council = self._create_council(self.fields.draft())

        if self.form.submit(save):
            self.choice = WelcomeChoice.CREATED
            self.accept()

    def may_discard(self) -> bool:
        # Escape or the close button over a council half typed in: ask before it is lost.
        return not self.showing_form() or self._form_changes.may_close()

    def choose_demo(self) -> None:
        self.choice = WelcomeChoice.DEMO
        self.accept()
