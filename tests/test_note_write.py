"""Writing the note: atomic, and every unwritable target gives a French NoteWriteError."""

from __future__ import annotations

import errno
import os

import pytest
from note_fixtures import make_result

from reports import files as atomic
from reports.note import NoteWriteError, render_note

EARLIER = b"%PDF-1.4 earlier note\n%%EOF\n"


@pytest.fixture
def earlier(tmp_path):
    """A folder holding an earlier note that must survive any failed write."""
    target = tmp_path / "note.pdf"
    target.write_bytes(EARLIER)
    return target


def _leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_write_replaces_the_earlier_file_whole(earlier):
    atomic.write_atomic(earlier, b"new content")
    assert earlier.read_bytes() == b"new content"
    assert _leftovers(earlier.parent) == []


def test_missing_folder(tmp_path):
    with pytest.raises(NoteWriteError, match="n'existe pas"):
        render_note(make_result(), tmp_path / "absent" / "note.pdf")


def test_target_is_a_directory(tmp_path):
    folder = tmp_path / "note.pdf"
    folder.mkdir()
    with pytest.raises(NoteWriteError, match="est un dossier"):
        atomic.write_atomic(folder, b"x")
    assert folder.is_dir()


def test_read_only_folder(earlier, monkeypatch):
    # root ignores permission bits, so the refusal is simulated where the file is created
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(NoteWriteError, match="accès refusé"):
        atomic.write_atomic(earlier, b"new")
    assert earlier.read_bytes() == EARLIER


def test_target_locked_by_another_program(earlier, monkeypatch):
    # what Windows does when a PDF viewer holds the file open
    def locked(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(NoteWriteError, match="ouvert dans un autre programme"):
        atomic.write_atomic(earlier, b"new")
    assert earlier.read_bytes() == EARLIER
    assert _leftovers(earlier.parent) == []


def test_disk_full(earlier, monkeypatch):
    real_write = os.write
    calls = {"n": 0}

    def full(fd, data):
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data[:10]))  # a partial write first, then the disk is full

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(NoteWriteError, match="disque est plein"):
        atomic.write_atomic(earlier, b"x" * 100)
    assert earlier.read_bytes() == EARLIER
    assert _leftovers(earlier.parent) == []


def test_full_render_failure_leaves_earlier_note(earlier, monkeypatch):
    monkeypatch.setattr(atomic.os, "replace",
                        lambda s, d: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only")))
    with pytest.raises(NoteWriteError, match="lecture seule"):
        render_note(make_result(), earlier)
    assert earlier.read_bytes() == EARLIER


def test_messages_are_french_and_name_the_file(tmp_path):
    target = tmp_path / "x" / "note.pdf"
    with pytest.raises(NoteWriteError) as info:
        atomic.write_atomic(target, b"x")
    assert str(tmp_path / "x") in str(info.value)
    assert not isinstance(info.value, OSError)  # callers catch one French error type
