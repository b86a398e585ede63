"""The study's good practices that apply to this commune, each with its reason."""

from __future__ import annotations

from typing import Any

from reports.analysis.conditions import evaluate, holds_all, reason_text
from reports.analysis.features import Features
from reports.profile import Profile
from reports.result import PracticeHit


def applicable_practices(profile: Profile, me: Features, kb: Any) -> tuple[PracticeHit, ...]:
    """Practices whose conditions all hold: the specific ones first, then the general ones."""
    hits = []
    for order, practice in enumerate(kb.practices):
        checks = evaluate(practice.conditions, profile, me)
        if not holds_all(checks):
            continue
        text = practice.text
        if practice.debated and practice.position:
            text = f"{text} {practice.position}"
        hits.append((-len(checks), order, PracticeHit(
            practice.practice_id, practice.title, text, practice.theme,
            tuple(practice.site_ids), reason_text(checks), bool(practice.debated))))
    hits.sort(key=lambda item: item[:2])
    return tuple(hit for *_, hit in hits)
