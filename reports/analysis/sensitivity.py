"""How the steady-state yearly balance moves when one driver moves (the tornado chart).

The balance is year 3's revenue − charges. Users and prices move the revenue (room hire
follows prices, not users); rent, staff hours and energy move their charge lines. Each
driver moves alone, down and up by ``sensitivity_changes``; the other drivers stay central.
The wording is in resources/analysis/text/finance.toml (``[sensitivity]``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.analysis.parameters import Params
from reports.analysis.texts import text
from reports.result import Sensitivity, SensitivityLine

FACTORS = ("users", "price", "rent", "staff_hours", "energy")


@dataclass(frozen=True)
class Drivers:
    """The central figures the balance is made of (euros per year)."""

    users: float
    per_user_year: float  # revenue one regular user brings
    other_revenue: float  # room hire
    charges: float  # every running cost
    rent: float
    staff: float
    energy: float

    def balance(self, **factors: float) -> float:
        """Revenue − charges, each named driver multiplied by its factor (1: central)."""
        f = {name: factors.get(name, 1.0) for name in FACTORS}
        revenue = (self.users * f["users"] * self.per_user_year + self.other_revenue) * f["price"]
        charges = (self.charges + self.rent * (f["rent"] - 1) + self.staff * (f["staff_hours"] - 1)
                   + self.energy * (f["energy"] - 1))
        return revenue - charges


def sensitivity(drivers: Drivers, params: Params) -> Sensitivity:
    """Balance with each driver lowered and raised; widest swing first."""
    changes = params("sensitivity_changes")
    lines = []
    for name in FACTORS:
        change = changes[name]
        down = drivers.balance(**{name: 1 - change})
        up = drivers.balance(**{name: 1 + change})
        lines.append(SensitivityLine(name, text(f"finance.sensitivity.{name}"), change,
                                     round(down, 2), round(up, 2)))
    lines.sort(key=lambda line: -abs(line.balance_up_eur - line.balance_down_eur))
    return Sensitivity(round(drivers.balance(), 2), tuple(lines),
                       params.cited("sensitivity_changes"))
