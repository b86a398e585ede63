"""Dialogs opened from the wizard: about, batch, firm profiles (brands), error report, building."""
