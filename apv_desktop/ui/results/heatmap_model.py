"""The heatmap as a Qt model: the org tree as rows (the organisation on top), the dimensions
grouped by domain as columns, one cell per unit x dimension score.

Everything shown comes from the core's Results: a suppressed score shows the word "skjult",
a tooltip saying why, and no number in any role (display, tooltip or sort). With a breakdown by
a background question, each unit that has one gets a row per group above its sub-units; which of
those cells are hidden the core's Breakdown says (core.disclosure_linked), never this model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from apv_desktop.core.breakdown import Breakdown
from apv_desktop.core.results import DimensionInfo, Results, Score, UnitResult
from apv_desktop.i18n import tr, trn
from apv_desktop.ui.results import palette, texts

UNIT_COLUMN, N_COLUMN, FIRST_DIMENSION = 0, 1, 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a number to sort by; None for a hidden result
SCORE_ROLE = Qt.ItemDataRole.UserRole + 2  # the core's Score of a dimension cell
UNIT_ROLE = Qt.ItemDataRole.UserRole + 3  # the unit code of the row
DIMENSION_ROLE = Qt.ItemDataRole.UserRole + 4  # the dimension code of a column
DOMAIN_ROLE = Qt.ItemDataRole.UserRole + 5  # header: the domain name of a dimension column
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 6  # "green"/"yellow"/"red"; "hidden" when suppressed
# What the delegate paints of a score cell, in one call: (light role, pressure point, display
# text). Each data() through the sorting proxy is a few trips from C++ into Python; three per
# cell made the first paint of a large heatmap freeze the window for 100 ms (issue 18).
CELL_ROLE = Qt.ItemDataRole.UserRole + 7

Index = QModelIndex | QPersistentModelIndex
QUALITY_LINE = 0.6  # response rates under 60 % are weak


@dataclass(eq=False)
class Node:
    unit: UnitResult
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    group: str | None = None  # a background group's row: the choice name
    group_label: str = ""


def ordered_dimensions(
    dimensions: list[DimensionInfo], domain_names: dict[str, str]
) -> list[DimensionInfo]:
    """Dimensions grouped by domain, domains in order of first appearance (stable inside)."""
    order: dict[str | None, int] = {}
    for d in dimensions:
        order.setdefault(d.domain, len(order))
    return sorted(dimensions, key=lambda d: order[d.domain])


def build_tree(results: Results, breakdown: Breakdown | None = None) -> Node:
    """The organisation as the root; each unit under its parent (top units under the root);
    a unit with a breakdown has its groups' rows first, above its sub-units."""
    root = Node(results.organisation, None)
    nodes = {results.organisation.code: root}
    for unit in results.units:
        if unit.code == results.organisation.code:
            continue
        parent = (nodes.get(unit.parent) if unit.parent is not None else root) or root
        node = Node(unit, parent)
        node.row = len(parent.children)
        parent.children.append(node)
        nodes[unit.code] = node
    if breakdown is None:
        return root
    for code in breakdown.units:
        owner = nodes.get(code)
        if owner is None:
            continue
        groups = [Node(owner.unit, owner, group=group, group_label=label)
                  for group, label in zip(breakdown.groups, breakdown.labels, strict=True)]
        owner.children[:0] = groups
        for row, child in enumerate(owner.children):
            child.row = row
    return root


class HeatmapModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.results: Results | None = None
        self.root: Node | None = None
        self.dimensions: list[DimensionInfo] = []
        self.domain_names: dict[str, str] = {}
        self.breakdown: Breakdown | None = None
        self._nodes: dict[str, Node] = {}

    def set_results(self, results: Results | None, domain_names: dict[str, str],
                    breakdown: Breakdown | None = None) -> None:
        self.beginResetModel()
        self.results = results
        self.breakdown = breakdown if results is not None else None
        self.domain_names = domain_names
        self.root = build_tree(results, self.breakdown) if results is not None else None
        self.dimensions = (
            ordered_dimensions(results.dimensions, domain_names) if results is not None else []
        )
        self._nodes = {}
        stack = [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            if node.group is None:
                self._nodes[node.unit.code] = node
            stack.extend(node.children)
        self.endResetModel()

    # --- structure -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if self.root is None or column < 0 or column >= self.columnCount():
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self.root) if row == 0 else QModelIndex()
        node: Node = parent.internalPointer()
        if 0 <= row < len(node.children):
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    # Qt overloads parent(): QObject.parent() and QAbstractItemModel.parent(index); a Python
    # method can only be both through the default argument, which mypy does not accept.
    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        node: Node = child.internalPointer()
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if self.root is None:
            return 0
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        node: Node = parent.internalPointer()
        return len(node.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return FIRST_DIMENSION + len(self.dimensions)

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index_of_unit(self, code: str, column: int = 0) -> QModelIndex:
        node = self._nodes.get(code)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row if node.parent else 0, column, node)

    def index_of_group(self, code: str, group: str, column: int = 0) -> QModelIndex:
        """A background group's row under unit `code`; invalid where the unit has none."""
        node = self._nodes.get(code)
        for child in node.children if node is not None else []:
            if child.group == group:
                return self.createIndex(child.row, column, child)
        return QModelIndex()

    def dimension_at(self, column: int) -> DimensionInfo | None:
        position = column - FIRST_DIMENSION
        return self.dimensions[position] if 0 <= position < len(self.dimensions) else None

    def score_at(self, index: Index) -> Score | None:
        node, dimension = self.node(index), self.dimension_at(index.column())
        if node is None or dimension is None or self.results is None:
            return None
        if node.group is not None and self.breakdown is not None:
            return self.breakdown.cell(node.unit.code, node.group, dimension.code).score
        return self.results.score(node.unit.code, dimension.code)

    # --- content -------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == UNIT_ROLE:
            return node.unit.code
        column = index.column()
        if node.group is not None and column < FIRST_DIMENSION:
            return self._group_data(node, column, role)
        if column == UNIT_COLUMN:
            return self._unit_data(node.unit, role)
        if column == N_COLUMN:
            return self._n_data(node.unit, role)
        score = self.score_at(index)
        dimension = self.dimension_at(column)
        assert score is not None and dimension is not None
        name = node.unit.name or node.unit.code
        if node.group is not None:
            name = f"{name} · {node.group_label}"
        return self._score_data(name, dimension, score, role)

    def _group_data(self, node: Node, column: int, role: int) -> Any:
        """A group row's name (in italics, so it reads apart from the sub-units); its n differs
        by dimension, so the n column is empty and each cell's tooltip says it."""
        if column != UNIT_COLUMN:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return node.group_label
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{unit}: gruppen {group}", unit=node.unit.name or node.unit.code,
                      group=node.group_label)
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _unit_data(self, unit: UnitResult, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return unit.name or unit.code
        if role == Qt.ItemDataRole.ToolTipRole:
            code = f" ({unit.code})" if unit.code else ""
            return f"{unit.name}{code}"
        return None

    def _n_data(self, unit: UnitResult, role: int) -> Any:
        # A hidden unit still shows its response count, as the report and `results` do: the
        # count is published for every unit; only the unit's scores are hidden.
        if unit.suppressed and role == Qt.ItemDataRole.ToolTipRole:
            return trn("{n} svar. Enhedens resultater er {reason}.",
                       "{n} svar. Enhedens resultater er {reason}.",
                       unit.responses, reason=texts.hidden_reason(unit.hidden_reason))
        if role == Qt.ItemDataRole.DisplayRole:
            return str(unit.responses)
        if role == SORT_ROLE:
            return unit.responses
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        weak = unit.response_rate is not None and unit.response_rate < QUALITY_LINE
        if role == Qt.ItemDataRole.ToolTipRole:
            if unit.response_rate is None:
                return trn("{n} svar",
                           "{n} svar",
                           unit.responses)
            tip = trn("{n} svar, svarprocent {rate}",
                      "{n} svar, svarprocent {rate}",
                      unit.responses, rate=texts.percent(unit.response_rate))
            return tip + ("\n" + tr("Svarprocenten er under 60 %: tolk med forsigtighed.")
                          if weak else "")
        if role == Qt.ItemDataRole.FontRole and weak:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _score_data(self, name: str, dimension: DimensionInfo, score: Score, role: int) -> Any:
        hidden = score.suppressed or score.mean is None
        if role == CELL_ROLE:
            return ("hidden" if hidden else score.light, score.pressure_point,
                    self._score_data(name, dimension, score, Qt.ItemDataRole.DisplayRole))
        if role == SCORE_ROLE:
            return score
        if role == DIMENSION_ROLE:
            return dimension.code
        if role == LIGHT_ROLE:
            return "hidden" if hidden else score.light
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts.score_tooltip(dimension, name, score)
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.hidden_colour() if hidden else palette.cell_colour(score.light)
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.text_colour()
        if hidden:
            return texts.hidden_word() if role == Qt.ItemDataRole.DisplayRole else None
        assert score.mean is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return texts.number(score.mean)
        if role == SORT_ROLE:
            return round(score.mean, 1)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{texts.number(score.mean)} {texts.light_name(score.light)}"
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        dimension = self.dimension_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == UNIT_COLUMN:
                return tr("Enhed")
            if section == N_COLUMN:
                return tr("n")
            return dimension.name if dimension else None
        if role == Qt.ItemDataRole.ToolTipRole and dimension is not None:
            domain = self.domain_names.get(dimension.domain or "", dimension.domain or "")
            return _dimension_tooltip(dimension, domain)
        if role == DOMAIN_ROLE and dimension is not None:
            return self.domain_names.get(dimension.domain or "", dimension.domain or "")
        if role == DIMENSION_ROLE and dimension is not None:
            return dimension.code
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _dimension_tooltip(dimension: DimensionInfo, domain: str) -> str:
    lines = [dimension.name, texts.direction(dimension.direction)]
    if domain:
        lines.append(tr("Område: {domain}", domain=domain))
    if dimension.reference is not None:
        lines.append(tr("Referenceværdi {value}", value=texts.number(dimension.reference)))
    lines.append(tr("Vises for grupper med mindst {n} svar", n=dimension.min_n))
    return "\n".join(lines)


class HeatmapSortProxy(QSortFilterProxyModel):
    """Sorts siblings by the sort role; hidden results (no sort value) always go last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        if a is None or b is None:
            if a is None and b is None:
                return False
            # Qt reverses the comparison when sorting descending; keep the hidden ones last.
            return (b is None) != descending
        if isinstance(a, str) or isinstance(b, str):
            return str(a).casefold() < str(b).casefold()
        return bool(a < b)
