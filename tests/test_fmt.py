"""French number, money, percentage and date formatting, and reading numbers back."""

import datetime as dt

import pytest

from reports.fmt import (
    NBSP,
    NNBSP,
    fmt_date,
    fmt_eur,
    fmt_number,
    fmt_percent,
    fmt_ratio,
    parse_number,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, f"1{NNBSP}234,5"),
        (1234567, 0, f"1{NNBSP}234{NNBSP}567"),
        (0.24, 2, "0,24"),
        (-0.2, 0, "0"),
        (-1500, 0, f"\u22121{NNBSP}500"),
        (None, 0, "—"),
        (float("nan"), 0, "—"),
    ],
)
def test_fmt_number(value, decimals, expected):
    assert fmt_number(value, decimals) == expected


def test_money_percent_ratio():
    assert fmt_eur(1234.5, 2) == f"1{NNBSP}234,50{NBSP}€"
    assert fmt_eur(450) == f"450{NBSP}€"
    assert fmt_percent(0.125, 1) == f"12,5{NBSP}%"
    assert fmt_percent(0.7, 1) == f"70{NBSP}%"
    assert fmt_ratio(2407 / 1595) == "1,51"


def test_dates():
    assert fmt_date(dt.date(2017, 9, 8)) == "8 septembre 2017"
    assert fmt_date("2027-09-01") == "1er septembre 2027"
    assert fmt_date("2027-09") == "septembre 2027"
    assert fmt_date("") == "—"
    assert fmt_date("bientôt") == "bientôt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12 €", 12.0),
        ("12,5 %", 12.5),
        ("-3", -3.0),
        ("\u22121\u202f500", -1500.0),
        (7, 7.0),
        ("", None),
        ("abc", None),
        ("1,2,3", None),
        ("nan", None),
        (None, None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected
