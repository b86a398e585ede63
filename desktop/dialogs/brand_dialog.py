"""Profils cabinet in the wizard: choose, create, edit or delete one; the note page's chooser.

The brands live in `reports.brand`'s storage (one JSON file each), shared with the command
line's ``--brand NAME``. Modal questions go through `desktop.shell.prompts.Prompts`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.shell.i18n import translate as _tr
from desktop.shell.prompts import Prompts
from desktop.widgets.access import form_row
from desktop.widgets.fields import TEXT_MAX_WIDTH
from reports.brand import (
    DEFAULT_BRAND,
    Brand,
    BrandError,
    brand_from_dict,
    current_brand,
    delete_brand,
    list_brands,
    save_brand,
    scan_brands,
    set_current_brand,
)


def display_name(brand: Brand) -> str:
    """The name shown for a profile (the default style's in the interface language)."""
    return _tr("Sobre (par défaut)") if brand is DEFAULT_BRAND else brand.name


class BrandDialog(QDialog):
    """The list of profils cabinet and the form of the selected one."""

    prompts = Prompts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profils cabinet"))
        self.brands: list[Brand] = []
        self.color = DEFAULT_BRAND.main_color
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Profils cabinet enregistrés"))
        # created in the order the form reads: Tab follows it (Qt's default focus chain)
        self.name, self.organisation, self.logo = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.logo_button = QPushButton(self.tr("Choisir…"), self)
        self.color_button = QPushButton(self)
        self.contact, self.author = QLineEdit(self), QLineEdit(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #A4262C")
        self.new_button = QPushButton(self.tr("&Nouveau"), self)
        self.save_button = QPushButton(self.tr("&Enregistrer"), self)
        self.delete_button = QPushButton(self.tr("&Supprimer"), self)
        self.buttons = QDialogButtonBox(self)
        self.use_button = self.buttons.addButton(self.tr("&Utiliser ce profil"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self._layout()
        self.list.currentRowChanged.connect(self._show)
        self.logo_button.clicked.connect(self._choose_logo)
        self.color_button.clicked.connect(self._choose_color)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.refresh(current_brand().name)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Nom du profil"), self.name)
        form.addRow(self.tr("&Organisme"), self.organisation)
        form_row(form, self.tr("&Logo (PNG ou JPEG)"), self.logo, self.logo_button)
        form.addRow(self.tr("&Couleur principale"), self.color_button)
        form.addRow(self.tr("C&ontact"), self.contact)
        form.addRow(self.tr("&Rédaction"), self.author)
        edit = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            edit.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(edit)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.buttons)

    # --- list and form ----------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Reload the saved brands (the default style first) and select `select`."""
        self.brands = [DEFAULT_BRAND, *list_brands()]
        self.list.clear()
        self.list.addItems([display_name(b) for b in self.brands])
        names = [b.name for b in self.brands]
        self.list.setCurrentRow(names.index(select) if select in names else 0)

    def selected(self) -> Brand:
        """The brand highlighted in the list."""
        row = self.list.currentRow()
        return self.brands[row] if 0 <= row < len(self.brands) else DEFAULT_BRAND

    def _show(self, row: int) -> None:
        """Fill the form with the highlighted brand (the default style is read-only)."""
        brand = self.brands[row] if 0 <= row < len(self.brands) else DEFAULT_BRAND
        self.name.setText(display_name(brand))
        self.organisation.setText(brand.organisation)
        self.logo.setText(str(brand.logo_path or ""))
        self.contact.setText(brand.contact)
        self.author.setText(brand.author)
        self._set_color(brand.main_color)
        self.error.clear()
        editable = brand is not DEFAULT_BRAND
        for field in (self.name, self.organisation, self.logo, self.contact, self.author):
            field.setReadOnly(not editable)
        for button in (self.logo_button, self.color_button, self.save_button,
                       self.delete_button):
            button.setEnabled(editable)

    def _set_color(self, color: str) -> None:
        self.color = color
        self.color_button.setText(color)
        self.color_button.setStyleSheet(f"background: {color}; color: white; padding: 3px")

    def form_brand(self) -> Brand:
        """The brand typed in the form; BrandError (French) when a field is wrong."""
        return brand_from_dict({
            "name": self.name.text(), "organisation": self.organisation.text(),
            "logo_path": self.logo.text().strip() or None, "main_color": self.color,
            "contact": self.contact.text(), "author": self.author.text(),
        })

    # --- actions ------------------------------------------------------------------------
    def new(self) -> None:
        """An empty, editable form for a new profile."""
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        for field in (self.name, self.organisation, self.logo, self.contact, self.author):
            field.clear()
            field.setReadOnly(False)
        for button in (self.logo_button, self.color_button, self.save_button):
            button.setEnabled(True)
        self._set_color(DEFAULT_BRAND.main_color)
        self.name.setFocus()

    def save(self) -> Brand | None:
        """Validate and store the form; the French error is shown under it."""
        try:
            brand = self.form_brand()
            if brand.name in (DEFAULT_BRAND.name, display_name(DEFAULT_BRAND)):
                raise BrandError(self.tr("Ce nom est réservé à la présentation par "
                                         "défaut."))
            save_brand(brand)
        except BrandError as exc:
            self.error.setText(str(exc))
            return None
        old = self.selected()
        if old is not DEFAULT_BRAND and old.name != brand.name and self.list.currentRow() >= 0:
            delete_brand(old.name)  # renamed: the old file would linger as a second profile
        self.refresh(brand.name)
        return brand

    def delete(self) -> None:
        """Delete the highlighted profile after confirmation."""
        brand = self.selected()
        if brand is DEFAULT_BRAND or not self.prompts.confirm(
                self, self.tr("Supprimer le profil cabinet"),
                self.tr("Supprimer le profil « {name} » ?").format(name=brand.name)):
            return
        delete_brand(brand.name)
        self.refresh()

    def _choose_logo(self) -> None:
        path = self.prompts.choose_file(self, "logo", str(Path(self.logo.text()).parent))
        if path:
            self.logo.setText(path)

    def _choose_color(self) -> None:
        color = self.prompts.choose_color(self, self.color)
        if color:
            self._set_color(color)

    def accept(self) -> None:
        """Use the highlighted profile, saving the form first when it was edited."""
        brand = self.selected()
        if self.list.currentRow() < 0 or (brand is not DEFAULT_BRAND and self._edited(brand)):
            brand = self.save()
            if brand is None:
                return
        try:
            set_current_brand(None if brand is DEFAULT_BRAND else brand.name)
        except BrandError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

    def _edited(self, brand: Brand) -> bool:
        try:
            return self.form_brand() != brand
        except BrandError:
            return True

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> Brand | None:
        """Show the dialog; the chosen brand, or None if closed without choosing."""
        dialog = cls(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = current_brand() if accepted else None
        dialog.deleteLater()
        return chosen


class BrandChooser(QWidget):
    """The note page's row: a profil cabinet to apply, and a button to manage them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.manage = QPushButton(self.tr("Gérer…"), self)
        self.setMaximumWidth(TEXT_MAX_WIDTH)
        self.tip = self.tr("La présentation d'un bureau d'études (logo, couleur, "
                           "coordonnées). Pour une note de la commune, gardez "
                           "la présentation sobre.")
        self.combo.setToolTip(self.tip)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.manage)
        self.brands: list[Brand] = []
        self.manage.clicked.connect(self.open_dialog)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.refresh()

    def refresh(self) -> None:
        """Reload the profiles and select the current one."""
        current = current_brand().name
        brands, self.warnings = scan_brands()  # a broken file is skipped, and said
        self.brands = [DEFAULT_BRAND, *brands]
        self.combo.setToolTip("\n\n".join([self.tip, *self.warnings]))
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItems([display_name(b) for b in self.brands])
            names = [b.name for b in self.brands]
            self.combo.setCurrentIndex(names.index(current) if current in names else 0)

    def brand(self) -> Brand:
        """The profile chosen in the combo box."""
        index = self.combo.currentIndex()
        return self.brands[index] if 0 <= index < len(self.brands) else DEFAULT_BRAND

    def _chosen(self, _index: int) -> None:
        brand = self.brand()
        # if it cannot be remembered, the choice still applies to this note
        with contextlib.suppress(BrandError):
            set_current_brand(None if brand is DEFAULT_BRAND else brand.name)
        self.changed.emit()

    def open_dialog(self) -> None:
        """Manage the profiles, then show the one chosen."""
        BrandDialog.ask(self.window())
        self.refresh()
        self.changed.emit()
