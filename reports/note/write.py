"""The note's writing helpers: the shared atomic writer, under the name the note API uses."""

from reports.files import WriteError, write_atomic

NoteWriteError = WriteError  # the note's public name for a failed write

__all__ = ["NoteWriteError", "write_atomic"]
