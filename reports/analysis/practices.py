"""The study's good practices that apply to this commune, each with its reason."""

from __future__ import annotations

from typing import Any

from reports.analysis.conditions import evaluate, holds_all, reason_text
from reports.analysis.features import Features
from reports.analysis.local_reasons import Local, local_clause
from reports.analysis.texts import text
from reports.profile import Profile
from reports.result import PracticeHit


def applicable_practices(profile: Profile, me: Features, kb: Any, local: Local | None = None
                         ) -> tuple[PracticeHit, ...]:
    """Practices whose conditions all hold: the specific ones first, then the general ones."""
    hits = []
    for order, practice in enumerate(kb.practices):
        checks = evaluate(practice.conditions, profile, me)
        if not holds_all(checks):
            continue
        body = practice.text
        if practice.debated and practice.position:
            body = text("practices.practice.debated", text=body, position=practice.position)
        hits.append((-len(checks), order, PracticeHit(
            practice.practice_id, practice.title, body, practice.theme,
            tuple(practice.site_ids), _reason(practice.practice_id, checks, local),
            bool(practice.debated))))
    hits.sort(key=lambda item: item[:2])
    return tuple(hit for *_, hit in hits)


def _reason(practice_id: str, checks: list, local: Local | None) -> str:
    """Why it applies: the conditions met, or for a general practice what it means here."""
    clause = None if checks else local_clause(practice_id, local)
    if clause:
        return text("practices.reason.general", clause=clause)
    return reason_text(checks)
