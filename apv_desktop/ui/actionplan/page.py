"""The action-plan stage page: the plan and its follow-up, sick leave and indicators, and the
department reports, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from apv_desktop.i18n import tr
from apv_desktop.ui.actionplan.actions_tab import ActionsTab
from apv_desktop.ui.actionplan.departments_tab import DepartmentsTab
from apv_desktop.ui.actionplan.sickleave_tab import SickLeaveTab
from apv_desktop.ui.pages.base import Page, page_heading


class ActionPlanPage(Page):
    page_id = "action_plan"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = page_heading()
        self.heading.setObjectName("pageHeading")
        self.tabs = QTabWidget()
        self.actions_tab = ActionsTab()
        self.sick_leave_tab = SickLeaveTab()
        self.departments_tab = DepartmentsTab()
        self.actions_tab.changed.connect(self._changed)
        for tab in (self.actions_tab, self.sick_leave_tab, self.departments_tab):
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def help_text(self) -> str:
        return tr("Handlingsplanen beskriver for hvert problem årsag, handling, ansvarlig og "
                  "frist, og senere opfølgningen: virkede handlingen?")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.tabs.setTabText(0, tr("Handlingsplan og opfølgning"))
        self.tabs.setTabText(1, tr("Sygefravær og nøgletal"))
        self.tabs.setTabText(2, tr("Afdelingsrapporter"))
        for tab in (self.actions_tab, self.sick_leave_tab, self.departments_tab):
            tab.retranslate()

    def refresh(self) -> None:
        for tab in (self.actions_tab, self.sick_leave_tab, self.departments_tab):
            if tab.session is self.session:
                tab.refresh()
            else:  # a project opened (or closed) since the tabs last read one
                tab.set_session(self.session)

    def _changed(self) -> None:
        self.departments_tab.refresh_texts()  # open actions feed the focus points
        if self.session is not None:
            self.session.notify_changed(self)  # the tabs show the change already

