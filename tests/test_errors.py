"""Every error a user can cause or mend shares one base, so no caller sorts errors by name."""

from __future__ import annotations

import pytest

from reports.analysis import InvalidProfileError
from reports.batch.csvread import CsvReadError
from reports.batch.runner import BatchError
from reports.brand import BrandError
from reports.communes import DirectoryError
from reports.errors import OutputError, UserFacingError
from reports.files import WriteError
from reports.knowledge.errors import KnowledgeError
from reports.paths import ResourceError
from reports.profile.write import ProfileWriteError


@pytest.mark.parametrize("cls", [InvalidProfileError, CsvReadError, BatchError, BrandError,
                                 DirectoryError, KnowledgeError, ResourceError])
def test_engine_errors_are_user_facing(cls):
    assert issubclass(cls, UserFacingError)
    assert cls.exit_code == 2


@pytest.mark.parametrize("cls", [WriteError, ProfileWriteError])
def test_write_errors_exit_3(cls):
    assert issubclass(cls, OutputError)
    assert cls.exit_code == 3


def test_user_text_lists_several_messages():
    from reports.profile import Message

    exc = InvalidProfileError([Message("commune.name", "Le nom manque.", "error"),
                               Message("budget", "Le budget est négatif.", "error")])
    assert exc.user_text == "• Le nom manque.\n• Le budget est négatif."
    assert BrandError("Le logo est illisible.").user_text == "Le logo est illisible."


def test_a_bug_is_not_user_facing():
    assert not issubclass(KeyError, UserFacingError)
