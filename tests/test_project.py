"""The project as a newcomer meets it: installable, lint-clean, on a safe PySide6."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reports.paths import ResourceError, read_text, resource, resource_path

ROOT = Path(__file__).resolve().parent.parent


def _git_files(prefix: str) -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", prefix], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [line for line in out.stdout.splitlines() if line and "__pycache__" not in line]


def test_pyside6_avoids_the_none_refcount_crash():
    """PySide6 6.12 on CPython 3.11 corrupts None's refcount (platform notes): never pair them."""
    from importlib.metadata import version

    major, minor = (int(x) for x in version("PySide6-Essentials").split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12)
    assert (major, minor) >= (6, 9)


def test_ruff_is_clean():
    """The lint configured in pyproject.toml passes on the whole tree."""
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _clean_copy(dest: Path) -> Path:
    """Copy the files git knows (tracked or new, not ignored): no stale build/ leftovers."""
    out = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
        text=True, check=True,
    )
    for name in out.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def test_wheel_ships_every_resource(tmp_path):
    """A wheel built from the repository carries every tracked file under resources/."""
    source = _clean_copy(tmp_path / "src")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path), str(source)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("tierslieu-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = _git_files("resources")
    assert tracked, "resources/ holds no tracked file"
    missing = [f for f in tracked if f not in names]
    assert not missing, f"absent du wheel : {missing}"
    assert "reports/paths.py" in names and "desktop/__init__.py" in names
    assert "reports/knowledge/__init__.py" in names and "reports/knowledge.py" not in names


def test_resources_are_found_through_the_locator():
    """`reports.paths` finds a shipped file and gives a real path for it."""
    assert resource("__init__.py").is_file()
    with resource_path("__init__.py") as path:
        assert path.exists()


def test_missing_resource_gives_a_french_message():
    """A missing file is a clear French error, not a FileNotFoundError."""
    with pytest.raises(ResourceError, match=r"introuvable.*resources/nope/absent\.csv"):
        read_text("nope", "absent.csv")
