"""What a screen reader announces for a field: its name (the label, without the mnemonic
ampersand or the asterisk) and its description (the help under it, whether it is
required, and F1 when the glossary defines its word).

A label's buddy names a field for assistive technologies only when both have the same
parent; the wizard's fields sit in cells of their own, so the name is set explicitly."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from desktop.shell.i18n import translate as _tr
from desktop.widgets.fields import PATH_MAX_WIDTH, TEXT_MAX_WIDTH


def plain_label(text: str) -> str:
    """A label as a screen reader should say it: no mnemonic ampersand, no asterisk."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *:")


def describe(widget: QWidget, label: str, help_text: str = "", *, required: bool = False,
             glossary: bool = False) -> None:
    """Give `widget` the accessible name and description a screen reader announces."""
    widget.setAccessibleName(plain_label(label))
    parts = [help_text] if help_text else []
    if required:
        parts.append(_tr("Champ obligatoire."))
    if glossary:
        parts.append(_tr("F1 : définition dans le glossaire."))
    widget.setAccessibleDescription(" ".join(parts))


def form_row(form: QFormLayout, label: str, field: QWidget, button: QWidget | None = None,
             cell: QWidget | None = None) -> None:
    """A labelled form row that names `field` for screen readers; with `button` (« Choisir… »,
    « Parcourir… »), the field and its button share the row (in `cell` when given), and Tab
    goes from the field to its button."""
    parent = (cell or field).parentWidget()
    caption = QLabel(label, parent)
    caption.setBuddy(field)
    describe(field, label)  # the buddy alone names it only when they share a parent
    if button is None:
        field.setMaximumWidth(TEXT_MAX_WIDTH)
        form.addRow(caption, field)
        return
    if cell is None:
        cell = QWidget(parent)
        cell.setMaximumWidth(PATH_MAX_WIDTH)
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        row.addWidget(button)
    form.addRow(caption, cell)
    QWidget.setTabOrder(field, button)  # the field's own button comes right after it
