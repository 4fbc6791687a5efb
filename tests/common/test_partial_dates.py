import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verkosto.common.partial_dates import PartialDate, PartialDateError, parse_partial_date


@pytest.mark.parametrize(
    ("text", "first", "last", "shown"),
    [
        ("2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "2019"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024-02"),
        ("2010-01-26 00:00:00", dt.date(2010, 1, 26), dt.date(2010, 1, 26), "2010-01-26"),
        ("24.5.2024", dt.date(2024, 5, 24), dt.date(2024, 5, 24), "2024-05-24"),
    ],
)
def test_partial_date_bounds(text, first, last, shown):
    value = parse_partial_date(text)
    assert (value.first_day(), value.last_day(), str(value)) == (first, last, shown)


@pytest.mark.parametrize("text", ["", "19", "2019-13", "2019-02-30", "soon", "0999"])
def test_partial_date_rejects(text):
    with pytest.raises(PartialDateError):
        parse_partial_date(text)


@given(
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
)
def test_round_trip_through_stored_bounds(day, precision):
    value = PartialDate.from_date(day, precision)
    assert PartialDate.from_date(value.first_day(), precision) == value
    assert PartialDate.from_date(value.last_day(), precision) == value
    assert parse_partial_date(str(value)) == value
