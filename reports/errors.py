"""The one base for every error a user can cause or mend.

A `UserFacingError` carries a French, actionable message (what went wrong, where, what to do):
the wizard shows it in a dialog, the command line prints it on stderr with exit 2 (or 3 for
an output that cannot be written, `exit_code`). Any other exception is a bug: the wizard
opens the copyable report, the command line exits 1 with a one-line message.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """A failure the user can act on; `str(exc)` is the French message, shown as is.

    `messages` (optional) lists several French lines (each with a `.text`) when one input
    has several faults; `exit_code` is what the command line returns for it.
    """

    exit_code: int = 2

    @property
    def user_text(self) -> str:
        """The message to show: one bullet per line when there are several."""
        messages = getattr(self, "messages", None)
        if messages:
            return "\n".join(f"• {m.text}" for m in messages)
        return str(self)


class OutputError(UserFacingError):
    """The output cannot be written (exit 3): folder missing, read-only, disk full…"""

    exit_code = 3
