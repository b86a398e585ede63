"""Field specifications: how each profile field is read, checked and explained."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from reports.fmt import fmt_number
from reports.texts import message


@dataclass(frozen=True)
class Spec:
    """How one field is read and checked; its French message is `spec_text` (catalogue)."""

    kind: Literal["text", "int", "number", "code", "bool", "month"]
    lo: float | None = None
    hi: float | None = None
    choices: tuple[Any, ...] = ()
    required: bool = False
    pattern: str | None = None
    # what the value stands for, where a lenient reader (the batch's CSV cells) needs it:
    # "insee" (leading zeros lost by a spreadsheet), "departement", "fraction" (50 % = 0.5)
    form: str | None = None
    labels: tuple[str, ...] = ()  # the French labels of `choices` (reports.codes), in order


def spec_text(spec: Spec, path: str) -> str:
    """The French message when the field at `path` (``population.total``,
    ``buildings.2.surface_m2``) is wrong: ``profile.fields.<section>.<name>`` of
    resources/text/profile.toml, with its bounds ({lo}, {hi}; a text's longest length {hi})
    or its choices as the user sees them ({codes}, `choices_text`)."""
    parts = path.split(".")
    key = f"profile.fields.{parts[0]}.{parts[-1]}"
    if spec.kind in ("int", "number"):
        return message(key, lo=fmt_number(spec.lo).replace("\u202f", " "),
                       hi=fmt_number(spec.hi).replace("\u202f", " "))
    if spec.kind == "text":
        return message(key, hi=spec.hi)
    if spec.kind == "code":
        return message(key, codes=choices_text(zip(spec.choices, spec.labels, strict=True)))
    return message(key)


def choices_text(pairs: Any) -> str:
    """« Association », « La commune »…: the labels the wizard shows and the batch reads, each
    up to its « ( »; a number code (INSEE's) before its label: « 221 (Petit pôle) »."""
    names = []
    for code, label in pairs:
        short = label.split(" (")[0]
        names.append(f"« {code} ({short}) »" if str(code).isdigit() else f"« {short} »")
    return ", ".join(names)


def _f(default: Any, spec: Spec) -> Any:
    """A dataclass field carrying its specification."""
    if isinstance(default, list | dict):
        return field(default_factory=lambda: type(default)(default), metadata={"spec": spec})
    return field(default=default, metadata={"spec": spec})


def _code_spec(choices: tuple[tuple[Any, str], ...], *, required: bool = False) -> Spec:
    """One code of a list (the message lists the allowed labels)."""
    return Spec("code", choices=tuple(c for c, _ in choices), required=required,
                labels=tuple(label for _, label in choices))
