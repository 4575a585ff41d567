"""When a measure was in force, and where a case's conduct date falls against it: at the day, and at its edges."""

import pytest

from zgrongcuo.engine.evaluation import date_notices
from zgrongcuo.model.case import blank_case
from zgrongcuo.model.criteria import InForce, span


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        ("2019", "2019-01-01", "2019-12-31"),
        ("2019-02", "2019-02-01", "2019-02-28"),
        ("2020-02", "2020-02-01", "2020-02-29"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("2019-04", "2019-04-01", "2019-04-30"),
        ("2019-12", "2019-12-01", "2019-12-31"),
        ("2019-09-01", "2019-09-01", "2019-09-01"),
    ],
)
def test_a_date_spans_the_days_it_can_mean(date, first, last):
    assert span(date) == (first, last)


FORCE = InForce("2019-09-01", "2021-12-15")


@pytest.mark.parametrize(
    ("date", "place"),
    [
        ("2019-09-01", "within"),  # the first day in force is in force
        ("2021-12-15", "within"),  # and so is the last
        ("2019-08-31", "before"),
        ("2021-12-16", "after"),
        ("2019-09", "within"),
        ("2019-08", "before"),
        ("2021-12", "across"),  # the month runs past the last day
        ("2021-11", "within"),
        ("2019", "across"),  # the year began before the first day
        ("2020", "within"),
        ("2021", "across"),  # the year ends on 31 December, after the last day
        ("2018", "before"),
        ("2022", "after"),
    ],
)
def test_a_conduct_date_is_placed_against_the_dates_in_force(date, place):
    assert FORCE.place(date) == place
    assert FORCE.covers(date) == {"within": True, "before": False, "after": False, "across": None}[place]


def test_a_year_is_not_taken_to_end_before_december_is_out():
    assert InForce(None, "2019-12-15").place("2019") == "across"
    assert InForce("2019-12-02", None).place("2019") == "across"
    assert InForce("2019-12-31", None).place("2019") == "across"
    assert InForce(None, "2019-12-31").place("2019") == "within"


def test_open_ends_and_unknown_dates():
    assert InForce().place("2019") is None and InForce().covers("2019") is None
    assert InForce(None, "2020-01-01").place("1990") == "within"
    assert InForce("2020-01-01", None).place("2999-12") == "within"
    assert InForce(None, "2020-01-01").place("2020-01-02") == "after"


@pytest.mark.parametrize(
    ("date", "msg_id"),
    [("2019-08-31", "conduct_before_force"), ("2021-12-16", "conduct_after_force"), ("2021", "conduct_maybe_outside"), ("2020-06", None)],
)
def test_the_determination_warns_of_a_conduct_date_outside_the_dates_in_force(criteria, date, msg_id):
    criteria.in_force, saved = FORCE, criteria.in_force
    try:
        case = blank_case()
        case.meta["conduct_date"] = date
        notices = date_notices(criteria, case)
    finally:
        criteria.in_force = saved
    assert [n.msg_id for n in notices] == ([msg_id] if msg_id else [])
    if msg_id:
        assert notices[0].params == {"date": date, "start": "2019-09-01", "end": "2021-12-15", "period": "2019-09-01 – 2021-12-15"}
