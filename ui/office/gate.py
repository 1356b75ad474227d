"""Controls greyed out where the signed-in role may not act, with the reason as their tooltip.

Each view names its controls and the permission each needs, once, where it builds them:

    guard(services, Permission.EDIT, self.add_button, self.edit_button)

A control the role may not use is disabled, and its tooltip (and an action's status tip)
says why (``secretariat.office.roles.reason``). It stays disabled whatever the view's own
logic does later (a row selected, a meeting held): a widget is watched for its enabled
state, an action for its ``changed``. The role is fixed for the life of the views: signing
out drops them and signing in builds them again, so nothing is ever enabled here.

The main window's menu actions outlive a sign-out: ``apply_roles`` sets them again each
time someone signs in.

The core refuses what a role may not save anyway; this is so that a person sees what they
may do before they try.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from secretariat.office.roles import Permission, reason, refusal

if TYPE_CHECKING:
    from secretariat.core import Secretariat

Control = QWidget | QAction


def guard(services: Secretariat, permission: Permission, *controls: Control) -> bool:
    """Disable ``controls`` for good, with the reason, if this desk may not do what needs
    ``permission``; whether it may."""
    if services.may(permission):
        return True
    why = reason(services.user, permission)
    for control in controls:
        if isinstance(control, QAction):
            _ActionKeeper(control, why)
        else:
            _WidgetKeeper(control, why)
    return False


def apply_roles(services: Secretariat, controls: Sequence[tuple[QAction, Permission]]) -> None:
    """The window's own menu actions, which outlive a sign-out: each enabled as the signed-in
    role may, and a disabled one says why (its tooltip and status tip; cleared when enabled)."""
    for action, permission in controls:
        why = why_not(services, permission)
        action.setEnabled(not why)
        action.setToolTip(why)  # "" gives back the action's own text as its tooltip
        action.setStatusTip(why)
        for menu in action.associatedObjects():
            if isinstance(menu, QMenu) and why:
                menu.setToolTipsVisible(True)


def allowed(parent: QWidget, services: Secretariat, permission: Permission) -> bool:
    """Whether this desk may go on with what needs ``permission``; if not, the core's refusal
    is shown over ``parent`` (a door the greyed-out controls did not close: a shortcut, a test)."""
    if services.may(permission):
        return True
    from ui import messages

    messages.warn(parent, refusal(services.user, permission))
    return False


def why_not(services: Secretariat, permission: Permission) -> str:
    """Why this desk may not do what needs ``permission`` ("" when it may)."""
    return "" if services.may(permission) else reason(services.user, permission)


class _WidgetKeeper(QObject):
    """Keeps a widget disabled with its reason, whatever else enables it later."""

    def __init__(self, widget: QWidget, why: str):
        super().__init__(widget)  # goes with the widget
        self._why = why
        widget.installEventFilter(self)
        self._hold(widget)

    def _hold(self, widget: QWidget) -> None:
        if widget.isEnabled():
            widget.setEnabled(False)
        if widget.toolTip() != self._why:
            widget.setToolTip(self._why)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange) and isinstance(
            watched, QWidget
        ):
            self._hold(watched)
        return False


class _ActionKeeper(QObject):
    """Keeps an action disabled with its reason, shown as a tooltip in its menus."""

    def __init__(self, action: QAction, why: str):
        super().__init__(action)
        self._action = action
        self._why = why
        action.changed.connect(self._hold)
        self._hold()

    def _hold(self) -> None:
        action = self._action
        if action.isEnabled():
            action.setEnabled(False)
        if action.toolTip() != self._why:
            action.setToolTip(self._why)
        if action.statusTip() != self._why:
            action.setStatusTip(self._why)
        for menu in action.associatedObjects():
            if isinstance(menu, QMenu) and not menu.toolTipsVisible():
                menu.setToolTipsVisible(True)
