"""Every message box of the program goes through `show()`, so tests can answer them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from apv_desktop.i18n import tr

Button = QMessageBox.StandardButton


class Kind(Enum):
    INFO = QMessageBox.Icon.Information
    WARNING = QMessageBox.Icon.Warning
    ERROR = QMessageBox.Icon.Critical
    QUESTION = QMessageBox.Icon.Question


@dataclass
class Message:
    kind: Kind
    title: str
    text: str
    informative: str = ""
    details: str = ""  # shown behind "Show Details…", with a button that copies it
    icon: QIcon | None = None  # instead of the kind's standard icon (About shows the app's)


def show(
    parent: QWidget | None,
    message: Message,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    box = QMessageBox(parent)
    box.setIcon(message.kind.value)
    if message.icon is not None:
        box.setIconPixmap(message.icon.pixmap(64, 64))
    box.setWindowTitle(message.title)
    box.setText(message.text)
    box.setAccessibleName(message.title)
    if message.informative:
        box.setInformativeText(message.informative)
    box.setStandardButtons(buttons)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    if message.details:
        box.setDetailedText(message.details)
        copy = box.addButton(tr("Kopiér detaljer"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()  # an action button would otherwise close the box
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(message.details))
    box.exec()
    clicked = box.standardButton(box.clickedButton()) if box.clickedButton() else Button.NoButton
    return clicked


def ask(parent: QWidget | None, title: str, text: str, informative: str = "",
        default_yes: bool = False) -> bool:
    answer = show(
        parent,
        Message(Kind.QUESTION, title, text, informative),
        Button.Yes | Button.No,
        Button.Yes if default_yes else Button.No,
    )
    return answer == Button.Yes
