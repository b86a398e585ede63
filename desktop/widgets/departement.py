"""The département field: shows « Aude (11) », stores the code « 11 ».

The directory knows each département's name; a code it does not know (a commune typed by
hand, outside the directory) is shown as typed. Typing « 11 », « Aude (11) » or « Aude »
all store « 11 »."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.widgets.fields import TextEdit

_WITH_CODE = re.compile(r"\(\s*([0-9]{1,3}|2[AB])\s*\)\s*$", re.IGNORECASE)


class DepartementEdit(TextEdit):
    """A text field over a département code, labelled with the département's name."""

    def __init__(self, names: Callable[[], dict[str, str]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.names = names  # code → name, from the commune directory once it is loaded
        self.editingFinished.connect(lambda: self.setValue(self.value()))  # « 11 » → « Aude (11) »

    def setValue(self, value: str | None) -> None:
        """Show « Name (code) » for a code the directory knows, else the code."""
        code = (value or "").strip()
        name = self.names().get(code.upper(), "") if code else ""
        self.setText(f"{name} ({code})" if name else code)

    def value(self) -> str:
        """The code: from « Name (code) », a bare code, or a name the directory knows."""
        text = self.text().strip()
        found = _WITH_CODE.search(text)
        if found:
            return found.group(1).upper()
        by_name = {name.casefold(): code for code, name in self.names().items()}
        return by_name.get(text.casefold(), text.upper() if len(text) <= 3 else text)
