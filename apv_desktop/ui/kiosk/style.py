"""Controls sized for the kiosk's large font: round boxes and buttons easy to hit on a touch screen.

Not a style sheet: a style sheet on the kiosk window stops its enlarged font from reaching the
widgets inside (they fall back to the application's font). Instead the radio and check boxes get
a proxy of the program's own style whose indicators scale with the text beside them, and push
buttons room around their text in proportion to their font (whatever language the text is in).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidget,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOption,
    QWidget,
)

MIN_TOUCH_PX = 44  # the smallest target a finger hits reliably (WCAG 2.5.5, Apple's HIG)
_FOCUS_RING_PX = 3

_INDICATORS = {
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
}
_INDICATOR_SPACING = {QStyle.PixelMetric.PM_RadioButtonLabelSpacing,
                      QStyle.PixelMetric.PM_CheckBoxLabelSpacing}


class KioskStyle(QProxyStyle):
    """The application's style, with check/radio indicators as tall as a line of their text."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802
                    widget: QWidget | None = None) -> int:
        if widget is not None and metric in _INDICATORS:
            return max(round(widget.fontMetrics().height() * 0.9),
                       super().pixelMetric(metric, option, widget))
        if widget is not None and metric in _INDICATOR_SPACING:
            return round(widget.fontMetrics().height() * 0.4)
        return super().pixelMetric(metric, option, widget)

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption,  # noqa: N802
                         size: QSize, widget: QWidget | None = None) -> QSize:
        # Qt takes a null widget here; PySide6's stub for QProxyStyle asks for a QWidget
        natural = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if kind is not QStyle.ContentsType.CT_PushButton or widget is None:
            return natural
        line = widget.fontMetrics().height()
        return QSize(natural.width() + round(line * 1.5),
                     max(natural.height(), round(line * 2.2), MIN_TOUCH_PX))

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        # Fusion's focus hint on a button is a faint line; someone at a kiosk who moves with
        # Tab must see at a glance where they are.
        if element is QStyle.ControlElement.CE_PushButton and \
                option.state & QStyle.StateFlag.State_HasFocus:
            draw_focus_ring(painter, option)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element is QStyle.PrimitiveElement.PE_FrameFocusRect:
            draw_focus_ring(painter, option)  # e.g. the current row of the unit list
            return
        super().drawPrimitive(element, option, painter, widget)


def draw_focus_ring(painter: QPainter, option: QStyleOption) -> None:
    """A thick ring in the palette's highlight colour (follows light and dark mode)."""
    painter.save()
    pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), _FOCUS_RING_PX)
    painter.setPen(pen)
    half = _FOCUS_RING_PX // 2 + 1
    painter.drawRect(option.rect.adjusted(half, half, -half - 1, -half - 1))
    painter.restore()


def enlarge_controls(root: QWidget, style: KioskStyle) -> None:
    """Give every choice box, button and list under `root` the kiosk's sizes (call after `root`
    has its final font, i.e. once it sits in the kiosk window)."""
    for box in [*root.findChildren(QRadioButton), *root.findChildren(QCheckBox)]:
        box.setStyle(style)
    for button in root.findChildren(QPushButton):
        button.setStyle(style)
    for field in root.findChildren(QLineEdit):
        field.setMinimumHeight(max(round(field.fontMetrics().height() * 1.8), MIN_TOUCH_PX))
    for listing in root.findChildren(QListWidget):
        listing.setStyle(style)  # its focus ring
        listing.setSpacing(max(2, listing.fontMetrics().height() // 5))
