"""The «دستگاه‌های عضو» section: the searchable register and the selected agency."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QFrame, QPushButton, QScrollArea, QSplitter, QWidget

from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyQuery, AgencyRecord
from secretariat.members.agency_import import ImportResult
from secretariat.office.roles import Permission
from ui import messages, strings
from ui.agencies.agency_detail import AgencyDetailPanel
from ui.agencies.agency_dialog import AgencyDialog
from ui.agencies.agency_import_dialog import AgencyImportDialog
from ui.agencies.agency_table_model import AgencyTableModel
from ui.office.gate import guard
from ui.reports.report_jobs import directory_job, show_report
from ui.reports.report_preview import ReportPreview
from ui.services import Services
from ui.widgets.list_section import ListSection


class AgenciesView(ListSection):
    SEARCH_PLACEHOLDER = strings.AGENCY_SEARCH_PLACEHOLDER
    ADD = strings.ADD_AGENCY
    FOUND, NONE = strings.AGENCIES_FOUND, strings.AGENCIES_NONE
    ADDED, SAVED = strings.AGENCY_ADDED, strings.AGENCY_SAVED
    EMPTY, EMPTY_HINT = strings.AGENCIES_EMPTY, strings.AGENCIES_EMPTY_HINT
    NO_MATCH = strings.AGENCIES_NO_MATCH

    RELOAD_ON = ("agencies", "roles", "people")  # the PR manager's name is a column

    model: AgencyTableModel

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(AgencyTableModel(services.agencies), parent=parent)
        self._services = services
        self._agencies = services.agencies
        self.show_inactive = QCheckBox(strings.SHOW_INACTIVE)
        self.show_inactive.toggled.connect(self.model.set_include_inactive)
        self.toggle_button = QPushButton(strings.DEACTIVATE)
        self.delete_button = QPushButton(strings.DELETE)
        self.print_button = QPushButton(strings.PRINT_DIRECTORY)
        self.print_button.setToolTip(strings.ACTION_PRINT_DIRECTORY)
        self.print_button.clicked.connect(self.print_directory)
        self.import_button = QPushButton(strings.IMPORT_AGENCIES)
        self.import_button.setToolTip(strings.ACTION_IMPORT_AGENCIES)
        self.import_button.clicked.connect(self.import_from_sheet)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.detail = AgencyDetailPanel(services)
        self.detail.message.connect(self.message)
        # The pane scrolls within what the splitter gives it, so the list keeps room.
        self.detail_area = QScrollArea()
        self.detail_area.setObjectName("tabScroll")
        self.detail_area.setWidget(self.detail)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_area.setMinimumHeight(220)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._table_area())
        splitter.addWidget(self.detail_area)
        # The register first: the pane of the selected agency takes the rest, and is
        # not shown while no agency is selected (it was a large empty panel beside
        # six rows of the list on a 1366×768 screen).
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([440, 300])
        splitter.setChildrenCollapsible(False)
        self.detail_area.setVisible(False)

        self._listen(services.changes)
        self._lay_out(
            splitter,
            filters=[self.show_inactive],
            buttons=[self.toggle_button, self.delete_button, self.import_button, self.print_button],
        )
        guard(
            services,
            Permission.EDIT,
            self.add_button,
            self.edit_button,
            self.toggle_button,
            self.delete_button,
            self.import_button,
        )

    selected_agency_id = ListSection.selected_id
    select_agency = ListSection.select
    add_agency = ListSection.add

    def _form(self, agency_id: int | None) -> AgencyDialog:
        record = self._agencies.get(agency_id) if agency_id is not None else None
        return AgencyDialog(self._agencies, record, parent=self)

    def _name(self, record: AgencyRecord) -> str:
        return record.name

    def _selection_changed(self) -> None:
        agency_id = self.selected_agency_id()
        self.detail.show_agency(agency_id)
        self.detail_area.setVisible(agency_id is not None)
        super()._selection_changed()

    def _filtered(self) -> bool:
        # Only inactive agencies: the unticked «نمایش غیرفعال‌ها» hides them all.
        if super()._filtered():
            return True
        return (
            not self.show_inactive.isChecked()
            and self._agencies.count(AgencyQuery(include_inactive=True)) > 0
        )

    def clear_filters(self) -> None:
        super().clear_filters()
        if self.model.total() == 0:
            self.show_inactive.setChecked(True)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        rows = self.table.selectionModel().selectedRows()
        for button in (self.toggle_button, self.delete_button):
            button.setEnabled(bool(rows))
        active = self.model.row_object(rows[0].row()).active if rows else True
        self.toggle_button.setText(strings.DEACTIVATE if active else strings.ACTIVATE)

    def toggle_selected(self) -> None:
        agency_id = self.selected_agency_id()
        if agency_id is None:
            return
        current = self._agencies.get(agency_id)
        record = self._agencies.set_active(agency_id, not current.active)
        text = strings.AGENCY_ACTIVATED if record.active else strings.AGENCY_DEACTIVATED
        self.message.emit(text.format(name=record.name))

    def delete_selected(self) -> None:
        agency_id = self.selected_agency_id()
        if agency_id is None:
            return
        record = self._agencies.get(agency_id)
        # Ask only when deleting is possible; otherwise the core's refusal
        # (deactivate instead) is the answer.
        if not self._agencies.is_referenced(agency_id) and not messages.confirm(
            self, strings.CONFIRM_DELETE_AGENCY.format(name=record.name)
        ):
            return
        try:
            self._agencies.delete(agency_id)
        except DomainError as error:
            messages.warn(self, error.message)
            return
        self.message.emit(strings.AGENCY_DELETED.format(name=record.name))

    def import_from_sheet(self) -> ImportResult | None:
        """«ورود از اکسل…»: the preview dialog; the list reads again as the core announces the import."""
        dialog = AgencyImportDialog(self._services.agency_import, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.imported is None:
                return None
            self.message.emit(dialog.imported.summary())
            return dialog.imported
        finally:
            dialog.deleteLater()

    def print_directory(self) -> ReportPreview:
        return show_report(self, directory_job(self._services))
