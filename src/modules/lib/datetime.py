"""Dates, times, durations and fixed-offset time zones: date, time,
datetime, timedelta, tzinfo and timezone, behaving like CPython 3.13's
datetime module."""

# The implementation lives in private modules to keep files short; this
# module gathers the public names and ties the classes together.
from _datetime_util import MINYEAR, MAXYEAR
from _datetime_delta import timedelta
import _datetime_base
from _datetime_base import date, tzinfo
from _datetime_time import time, timezone, IsoCalendarDate as _IsoCalendarDate
from _datetime_dt import datetime

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

_datetime_base.datetime = datetime
_datetime_base.timezone = timezone
_datetime_base._IsoCalendarDate = _IsoCalendarDate

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

UTC = timezone.utc
