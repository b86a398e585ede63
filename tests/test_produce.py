"""reports.produce: the one pipeline from a profile (or a result) to written notes."""

from pathlib import Path

import pytest

from reports.errors import UserFacingError
from reports.paths import resource
from reports.produce import Cancelled, produce, targets
from reports.profile import read_profile


@pytest.fixture(scope="module")
def profile():
    return read_profile(resource("examples", "prades.tierslieu.json"))[0]


@pytest.fixture(scope="module")
def result(profile):
    from reports.analysis import analyse

    return analyse(profile)


def test_both_formats_from_a_profile_with_steady_progress(tmp_path, profile):
    seen = []
    written = produce(profile, tmp_path / "n.pdf", formats="both",
                      progress=lambda fraction, message: seen.append((fraction, message)))
    assert [p.name for p in written] == ["n.pdf", "n.docx"]
    assert written[0].read_bytes().startswith(b"%PDF")
    assert written[1].read_bytes().startswith(b"PK")  # a zip: the Word file
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert seen[0][1] == "Analyse du projet" and seen[-1][1] == "Note terminée"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.docx", "n.pdf"]  # no temp file


def test_a_result_is_written_as_is_and_cancel_writes_nothing(tmp_path, result):
    calls = []

    def stop_after_two(fraction, message):
        calls.append(fraction)

    with pytest.raises(Cancelled):
        produce(result, tmp_path / "n.pdf", progress=stop_after_two,
                cancelled=lambda: len(calls) >= 2)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_logo_or_unknown_format_is_a_french_user_error(tmp_path, result):
    with pytest.raises(UserFacingError, match="Logo introuvable"):
        produce(result, tmp_path / "n.pdf", logo=tmp_path / "absent.png")
    with pytest.raises(UserFacingError, match="Format inconnu"):
        produce(result, tmp_path / "n.pdf", formats="odt")
    assert list(tmp_path.iterdir()) == []


def test_targets_keep_a_dotted_commune_name():
    assert [p.name for _, p in targets(Path("St. Paul"), "both")] == ["St. Paul.pdf",
                                                                      "St. Paul.docx"]
    assert [p.name for _, p in targets("n.docx", "pdf")] == ["n.pdf"]
