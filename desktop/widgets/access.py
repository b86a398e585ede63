"""What a screen reader announces for a field: its name (the label, without the mnemonic
ampersand or the asterisk) and its description (the help under it, whether it is
required, and F1 when the glossary defines its word).

A label's buddy names a field for assistive technologies only when both have the same
parent; the wizard's fields sit in cells of their own, so the name is set explicitly."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.shell.i18n import translate as _tr


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
