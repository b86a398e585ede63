"""Reusable widgets and display helpers: fields, commune completer, icon, code
labels, reading frame, results HTML."""
