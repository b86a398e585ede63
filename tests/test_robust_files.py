"""Issue #15: the atomic writer's protections and French OS messages; non-regular inputs."""

import errno
import os
import stat

import pytest

from reports.errors import OutputError, UserFacingError
from reports.files import WriteError, french_reason, read_regular, write_atomic


def test_a_fifo_at_the_target_path_is_not_replaced(tmp_path):
    target = tmp_path / "note.pdf"
    os.mkfifo(target)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, b"data")
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert "fichier ordinaire" in str(caught.value) and "note.pdf" in str(caught.value)


def test_a_link_to_a_device_at_the_target_path_is_not_replaced(tmp_path):
    target = tmp_path / "note.pdf"
    target.symlink_to("/dev/null")
    with pytest.raises(WriteError):
        write_atomic(target, b"data")
    assert target.is_symlink()


def test_a_read_only_note_is_not_replaced_even_by_root(tmp_path):
    target = tmp_path / "note.pdf"
    target.write_bytes(b"mine")
    target.chmod(0o444)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, b"new")
    assert target.read_bytes() == b"mine"
    assert "lecture seule" in str(caught.value) and caught.value.exit_code == 3


@pytest.mark.parametrize("name", ["n" * 300 + ".pdf", "/".join(["d" * 200] * 22) + "/n.pdf"])
def test_too_long_names_and_paths_are_output_errors_not_crashes(tmp_path, name):
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / name, b"x")
    text = str(caught.value)
    assert "trop long" in text and len(text) < 400 and isinstance(caught.value, OutputError)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EEXIST, errno.ENOENT, errno.ENOSPC,
                                  errno.ENAMETOOLONG, errno.EROFS, errno.ENOTDIR, errno.EIO,
                                  errno.ELOOP, errno.EBUSY])
def test_os_reasons_are_french(code):
    text = french_reason(OSError(code, os.strerror(code)))
    assert text and os.strerror(code) not in text
    assert not any(w in text for w in ("denied", "exists", "No such", "device", "Errno"))


@pytest.mark.parametrize("kind", ["fifo", "zero", "dir"])
def test_read_regular_refuses_special_files_at_once(tmp_path, kind):
    path = tmp_path / "in.json"
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would block without O_NONBLOCK
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    with pytest.raises(UserFacingError) as caught:
        read_regular(path, 1000)
    assert "in.json" in str(caught.value)


def test_read_regular_reads_a_head_or_a_bounded_file(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"0123456789" * 10)
    assert read_regular(path, 1000) == b"0123456789" * 10
    assert read_regular(path, 1000, head=8) == b"01234567"
    with pytest.raises(UserFacingError) as caught:
        read_regular(path, 50)
    assert "volumineux" in str(caught.value)
