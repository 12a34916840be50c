"""The organisation page's two questions: where to move a unit ("Flyt til …"), and whether to
carry out a reorganisation read from a file (what it changes, or why it cannot)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.org_changes import OrgChanges, held_text
from apv_desktop.core.orgtree import tree_order
from apv_desktop.i18n import tr
from apv_desktop.ui.pages.org_model import OrgTreeModel

CODE_ROLE = Qt.ItemDataRole.UserRole
TOP = ""  # the choice "at the top of the organisation"


class MoveDialog(QDialog):
    """The units `code` may be put under (not itself, not its own sub-units), as a tree."""

    def __init__(self, model: OrgTreeModel, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        unit = model.unit(code)
        self.setWindowTitle(tr("Flyt {name}", name=unit.name))
        self.targets = QTreeWidget()
        self.targets.setHeaderHidden(True)
        self.targets.setAccessibleName(tr("Ny overordnet enhed"))
        top = QTreeWidgetItem([tr("Øverst i organisationen (ingen overordnet enhed)")])
        top.setData(0, CODE_ROLE, TOP)
        self.targets.addTopLevelItem(top)
        excluded = {code} | model.below(code)
        items: dict[str, QTreeWidgetItem] = {}
        for other, _depth in tree_order(model.units):
            if other.code in excluded:
                continue
            item = QTreeWidgetItem([other.name])
            item.setData(0, CODE_ROLE, other.code)
            item.setToolTip(0, other.code)
            holder = items.get(other.parent or "")
            if holder is None:
                self.targets.addTopLevelItem(item)
            else:
                holder.addChild(item)
            items[other.code] = item
        self.targets.expandAll()
        current = items.get(unit.parent or "", top)
        self.targets.setCurrentItem(current)
        self.targets.itemDoubleClicked.connect(lambda *_: self.accept())
        label = QLabel(tr("Vælg den enhed, som {name} skal ligge under. Underenhederne flytter "
                          "med.", name=unit.name))
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Flyt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.targets, 1)
        layout.addWidget(buttons)
        self.resize(460, 480)

    def target(self) -> str | None:
        """The chosen parent's code; None for the top."""
        item = self.targets.currentItem()
        code = str(item.data(0, CODE_ROLE)) if item is not None else TOP
        return code or None


def choose_parent(parent: QWidget, model: OrgTreeModel, code: str) -> tuple[bool, str | None]:
    """(chosen, the new parent's code or None for the top)."""
    dialog = MoveDialog(model, code, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.target()


class ReorganisationDialog(QDialog):
    """What an imported list changes, by kind; refused (only Close) when a dropped unit holds
    data."""

    def __init__(self, changes: OrgChanges, names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        """`names`: the unit names by code, old and new, to say where a unit goes."""
        super().__init__(parent)
        self.setWindowTitle(tr("Ny organisation fra fil"))

        def where(code: str | None) -> str:
            return tr("øverst") if code is None else names.get(code, code)

        self.changes = changes
        self.list = QTreeWidget()
        self.list.setHeaderHidden(True)
        self.list.setAccessibleName(tr("Ændringer i organisationen"))
        blocked = {b.unit.code: b.held for b in changes.blocked}
        groups = [
            (tr("Nye enheder ({n})", n=str(len(changes.new))),
             [tr("{name} ({code}) under {parent}", name=u.name, code=u.code,
                 parent=where(u.parent)) for u in changes.new]),
            (tr("Omdøbte enheder ({n})", n=str(len(changes.renamed))),
             [tr("{old} hedder nu {new}", old=r.old_name, new=r.unit.name)
              for r in changes.renamed]),
            (tr("Flyttede enheder ({n})", n=str(len(changes.moved))),
             [tr("{name} flyttes fra {old} til {new}", name=m.unit.name,
                 old=where(m.old_parent), new=where(m.unit.parent))
              for m in changes.moved]),
            (tr("Enheder, der fjernes ({n})", n=str(len(changes.removed) - len(blocked))),
             [f"{u.name} ({u.code})" for u in changes.removed if u.code not in blocked]),
            (tr("Kan ikke fjernes ({n})", n=str(len(blocked))),
             [tr("{name} ({code}) har {what}", name=b.unit.name, code=b.unit.code,
                 what=held_text(b.held)) for b in changes.blocked]),
            (tr("Nyt antal ansatte ({n})", n=str(len(changes.headcount))),
             [tr("{name}: {count}", name=u.name, count=str(u.headcount or 0))
              for u in changes.headcount]),
        ]
        for heading, lines in groups:
            if not lines:
                continue
            group = QTreeWidgetItem([heading])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.addChildren([QTreeWidgetItem([line]) for line in lines])
            self.list.addTopLevelItem(group)
        self.list.expandAll()
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        if changes.refused:
            self.message.setObjectName("problem")
            self.message.setStyleSheet("QLabel#problem { color: #d93025; font-weight: bold; }")
            self.message.setText(tr(
                "Organisationen kan ikke ændres sådan: en enhed med svar, handlingsplan eller "
                "nøgletal kan ikke fjernes. Behold den i filen (den må gerne omdøbes eller "
                "flyttes), og indlæs filen igen. Intet er ændret."))
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            self.message.setText(tr("Ændringerne gemmes samlet, når du vælger Gennemfør."))
            apply = buttons.addButton(tr("Gennemfør"), QDialogButtonBox.ButtonRole.AcceptRole)
            apply.setDefault(True)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Filen ændrer organisationen sådan:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 520)


def confirm_reorganisation(parent: QWidget, changes: OrgChanges, names: dict[str, str]) -> bool:
    """True when the user chose to carry out the changes (never when they are refused)."""
    dialog = ReorganisationDialog(changes, names, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and not changes.refused
