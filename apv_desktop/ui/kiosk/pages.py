"""The kiosk's screens besides the questionnaire: start, thank-you, 'still there?' and PIN.

Their texts follow the respondent's chosen language (not the program's), so each screen takes
the language in `retranslate(language)`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.orgtree import tree_order
from apv_desktop.i18n import LANGUAGE_NAMES, translator
from apv_desktop.ui.form.heading import HeadingLabel
from apv_desktop.ui.kiosk.style import MIN_TOUCH_PX

DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1  # how deep in the org tree a unit sits (0 = top)


def _heading(scale: float = 1.6) -> QLabel:
    # Follows the page's font: the kiosk window enlarges it after the pages are built.
    label = HeadingLabel(scale)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _text() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def unit_titles(units: list[OrgUnit]) -> dict[str, str]:
    """What the list shows for each unit: its name, with the parent's when names repeat."""
    names = {unit.code: unit.name for unit in units}
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.name] = counts.get(unit.name, 0) + 1
    return {unit.code: (f"{unit.name} ({names.get(unit.parent or '', unit.code)})"
                        if counts[unit.name] > 1 else unit.name) for unit in units}


class UnitRowDelegate(QStyledItemDelegate):
    """Rows of the unit list: indented by their depth in the org tree (a directorate is not a
    team), and tall enough to hit with a finger."""

    def _indent(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() * 3 // 2

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        natural = super().sizeHint(option, index)
        depth = int(index.data(DEPTH_ROLE) or 0)
        return QSize(natural.width() + depth * self._indent(option),
                     max(natural.height(), MIN_TOUCH_PX, option.fontMetrics.height() * 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        depth = int(index.data(DEPTH_ROLE) or 0)
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(depth * self._indent(option), 0, 0, 0)
        super().paint(painter, shifted, index)


class StartPage(QWidget):
    """Language, unit (searchable, or fixed by the AMiR) and Start."""

    language_chosen = Signal(str)
    start_requested = Signal(str)  # the unit code

    def __init__(self, title: str, languages: list[str], units: list[OrgUnit],
                 fixed_unit: str | None) -> None:
        super().__init__()
        self.title = title
        self.fixed_unit = fixed_unit
        self.heading = _heading()
        self.intro = _text()
        self.language_label = QLabel()
        self.language_buttons: dict[str, QPushButton] = {}
        language_row = QHBoxLayout()
        language_row.addStretch(1)
        for code in languages:
            button = QPushButton(LANGUAGE_NAMES.get(code, code))
            button.setCheckable(True)
            button.setAccessibleName(LANGUAGE_NAMES.get(code, code))
            button.clicked.connect(lambda _=False, code=code: self.language_chosen.emit(code))
            self.language_buttons[code] = button
            language_row.addWidget(button)
        language_row.addStretch(1)
        self.unit_label = QLabel()
        self.search = QLineEdit()
        self.search.textChanged.connect(self._filter)
        self.unit_list = QListWidget()
        self.unit_list.setItemDelegate(UnitRowDelegate(self.unit_list))
        titles = unit_titles(units)
        for unit, depth in tree_order(units):
            entry = QListWidgetItem(titles[unit.code])
            entry.setData(Qt.ItemDataRole.UserRole, unit.code)
            entry.setData(DEPTH_ROLE, depth)
            self.unit_list.addItem(entry)
        # The selection, not the current item: a mouse press makes the item current before it
        # selects it, so a check on "current changed" would still see no unit chosen.
        self.unit_list.itemSelectionChanged.connect(self._update_start)
        self.unit_list.itemActivated.connect(lambda _item: self._start())
        self.search.returnPressed.connect(self._enter_in_search)
        self.fixed_label = _text()
        self.fixed_label.setText(titles.get(fixed_unit or "", ""))
        self.start_button = QPushButton()
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(self._start)
        self.start_button.setAutoDefault(True)  # Enter on the focused button starts too
        self.start_button.setMinimumHeight(self.start_button.sizeHint().height() * 2)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.language_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(language_row)
        layout.addSpacing(12)
        layout.addWidget(self.unit_label)
        layout.addWidget(self.search)
        layout.addWidget(self.unit_list, 1)
        layout.addWidget(self.fixed_label)
        layout.addWidget(self.start_button)
        for widget in (self.search, self.unit_list):
            widget.setVisible(fixed_unit is None)
        self.fixed_label.setVisible(fixed_unit is not None)
        if languages:  # with none, the new label keeps no buddy
            self.language_label.setBuddy(self.language_buttons[languages[0]])
        self.unit_label.setBuddy(self.search)
        # At 200 % on a small laptop screen the page is taller than the screen: it scrolls,
        # and the unit list keeps room for several units instead of shrinking to one row.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._keep_room_for_units()

    def _keep_room_for_units(self) -> None:
        self.unit_list.setMinimumHeight(self.fontMetrics().height() * 6)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._keep_room_for_units()
        super().changeEvent(event)

    def reset(self, language: str) -> None:
        """A clean start page for the next respondent."""
        self.search.clear()
        self.unit_list.setCurrentRow(-1)
        self.unit_list.clearSelection()
        self.retranslate(language)
        # Most respondents type their unit first; with a fixed unit there is only Start.
        first = self.start_button if self.fixed_unit is not None else self.search
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self, language: str) -> None:
        tr = translator(language)
        self.heading.setText(self.title)
        self.intro.setText(tr("Dine svar er anonyme. Ingen kan se, hvad du har svaret, og "
                              "svarene gemmes uden navn og klokkeslæt."))
        self.language_label.setText(tr("Vælg sprog"))
        self.unit_label.setText(tr("Vælg din enhed (skriv for at søge):"))
        self.search.setPlaceholderText(tr("Søg efter enhed"))
        self.search.setAccessibleName(tr("Søg efter enhed"))
        self.unit_list.setAccessibleName(tr("Enheder"))
        self.start_button.setText(tr("Start"))
        self.start_button.setAccessibleName(tr("Start"))
        for code, button in self.language_buttons.items():
            button.setChecked(code == language)
        self._update_start()

    def chosen_unit(self) -> str | None:
        if self.fixed_unit is not None:
            return self.fixed_unit
        entry = self.unit_list.currentItem()
        if entry is None or entry.isHidden() or not entry.isSelected():
            return None
        return str(entry.data(Qt.ItemDataRole.UserRole))

    def choose_unit(self, code: str) -> None:
        for row in range(self.unit_list.count()):
            entry = self.unit_list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == code:
                self.unit_list.setCurrentItem(entry)
                entry.setSelected(True)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.unit_list.count()):
            entry = self.unit_list.item(row)
            entry.setHidden(bool(wanted) and wanted not in entry.text().casefold())
        self._update_start()

    def _enter_in_search(self) -> None:
        """Enter starts when a unit is chosen; else it picks the only match (or goes to the
        list to choose among several)."""
        if self.chosen_unit() is not None:
            self._start()
        else:
            self._pick_single_match()

    def _pick_single_match(self) -> None:
        shown = [self.unit_list.item(r) for r in range(self.unit_list.count())
                 if not self.unit_list.item(r).isHidden()]
        if len(shown) == 1:
            self.unit_list.setCurrentItem(shown[0])
            shown[0].setSelected(True)
            self.start_button.setFocus()
        elif shown:
            self.unit_list.setFocus()

    def _update_start(self) -> None:
        self.start_button.setEnabled(self.chosen_unit() is not None)

    def _start(self) -> None:
        unit = self.chosen_unit()
        if unit is not None:
            self.start_requested.emit(unit)


class MessagePage(QWidget):
    """A heading, a text and one or two buttons (thank-you, still there?)."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = _heading(2.0)
        self.text = _text()
        self.button = QPushButton()
        self.button.setMinimumHeight(self.button.sizeHint().height() * 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addSpacing(24)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_texts(self, heading: str, text: str, button: str) -> None:
        self.heading.setText(heading)
        self.text.setText(text)
        self.button.setText(button)
        self.button.setAccessibleName(button)
        self.setAccessibleName(heading)


class PinPage(QWidget):
    """The PIN that ends kiosk mode (for the AMiR only)."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.heading = _heading()
        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaximumWidth(320)
        self.field.returnPressed.connect(lambda: self.submitted.emit(self.field.text()))
        self.label.setBuddy(self.field)
        self.status = _text()
        self.status.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.ok_button = QPushButton()
        self.cancel_button = QPushButton()
        self.ok_button.clicked.connect(lambda: self.submitted.emit(self.field.text()))
        self.cancel_button.clicked.connect(self.cancelled.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def retranslate(self, language: str) -> None:
        tr = translator(language)
        self.heading.setText(tr("Afslut kiosk"))
        self.label.setText(tr("PIN-kode (kun for arbejdsmiljørepræsentanten):"))
        self.field.setAccessibleName(tr("PIN-kode"))
        self.ok_button.setText(tr("Afslut"))
        self.cancel_button.setText(tr("Annuller"))
        for button in (self.ok_button, self.cancel_button):
            button.setAccessibleName(button.text())

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.field.clear()
        self.field.setFocus()
