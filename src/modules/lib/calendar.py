"""Calendars as text or HTML, and date helpers (leap years, weekdays,
month lengths, timegm).

Weeks start on Monday unless setfirstweekday() (or a Calendar's
firstweekday) says otherwise: 0 is Monday and 6 is Sunday."""

import sys
import datetime
from enum import IntEnum, global_enum

__all__ = ["IllegalMonthError", "IllegalWeekdayError", "setfirstweekday",
           "firstweekday", "isleap", "leapdays", "weekday", "monthrange",
           "monthcalendar", "prmonth", "month", "prcal", "calendar",
           "timegm", "month_name", "month_abbr", "day_name", "day_abbr",
           "Calendar", "TextCalendar", "HTMLCalendar", "LocaleTextCalendar",
           "LocaleHTMLCalendar", "weekheader",
           "Day", "Month", "JANUARY", "FEBRUARY", "MARCH",
           "APRIL", "MAY", "JUNE", "JULY",
           "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
           "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
           "SATURDAY", "SUNDAY"]

error = ValueError


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return "bad month number %r; must be 1-12" % self.month


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return "bad weekday number %r; must be 0 (Monday) to 6 (Sunday)" % self.weekday


def __getattr__(name):
    # The old capitalised month constants still resolve, with a warning.
    if name in ('January', 'February'):
        import warnings
        warnings.warn(f"The '{name}' attribute is deprecated, use '{name.upper()}' instead",
                      DeprecationWarning, stacklevel=2)
        return 1 if name == 'January' else 2
    raise AttributeError(f"module '{__name__}' has no attribute '{name}'")


@global_enum
class Month(IntEnum):
    JANUARY = 1
    FEBRUARY = 2
    MARCH = 3
    APRIL = 4
    MAY = 5
    JUNE = 6
    JULY = 7
    AUGUST = 8
    SEPTEMBER = 9
    OCTOBER = 10
    NOVEMBER = 11
    DECEMBER = 12


@global_enum
class Day(IntEnum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


# global_enum is meant to export the members; do it here as well in case
# the enum module does not.
globals().update(Month.__members__)
globals().update(Day.__members__)

# Days in each month of a common year (index 0 unused).
mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class _localized_month:
    """The month names, indexed 1-12 (index 0 is ''); English, as in the C locale."""

    _formats = {'%B': ['', 'January', 'February', 'March', 'April', 'May', 'June',
                       'July', 'August', 'September', 'October', 'November',
                       'December'],
                '%b': ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul',
                       'Aug', 'Sep', 'Oct', 'Nov', 'Dec']}

    def __init__(self, format):
        self.format = format

    def __getitem__(self, i):
        return self._formats[self.format][i]

    def __len__(self):
        return 13


class _localized_day:
    """The weekday names, Monday first; English, as in the C locale."""

    _formats = {'%A': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
                       'Saturday', 'Sunday'],
                '%a': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']}

    def __init__(self, format):
        self.format = format

    def __getitem__(self, i):
        return self._formats[self.format][i]

    def __len__(self):
        return 7


day_name = _localized_day('%A')
day_abbr = _localized_day('%a')
month_name = _localized_month('%B')
month_abbr = _localized_month('%b')


def isleap(year):
    """True if year is a leap year in the proleptic Gregorian calendar."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def leapdays(y1, y2):
    """How many leap years lie in range(y1, y2) (negative if y1 > y2)."""
    a, b = y1 - 1, y2 - 1
    return (b // 4 - a // 4) - (b // 100 - a // 100) + (b // 400 - a // 400)


def weekday(year, month, day):
    """Day of the week of a date, as a Day (MONDAY is 0 ... SUNDAY is 6)."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        # The Gregorian calendar repeats every 400 years.
        year = 2000 + year % 400
    return Day(datetime.date(year, month, day).weekday())


def _monthlen(year, month):
    return mdays[month] + (month == FEBRUARY and isleap(year))


def monthrange(year, month):
    """(weekday of the 1st, number of days) for the given month."""
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)
    return weekday(year, month, 1), _monthlen(year, month)


def _prevmonth(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _nextmonth(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _rows(items, width):
    return [items[i:i + width] for i in range(0, len(items), width)]


class Calendar(object):
    """Works out which days make up each week of a month or year; the
    subclasses turn that into text or HTML."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday  # 0 = Monday, 6 = Sunday

    def getfirstweekday(self):
        return self._firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self._firstweekday = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        """The seven weekday numbers of a week, starting at firstweekday."""
        first = self.firstweekday
        for i in range(first, first + 7):
            yield i % 7

    def _padding(self, year, month):
        """(days shown before the 1st, days in month, days shown after)."""
        day1, ndays = monthrange(year, month)
        first = self.firstweekday
        return (day1 - first) % 7, ndays, (first - day1 - ndays) % 7

    def itermonthdates(self, year, month):
        """datetime.date values for whole weeks covering the month (so
        some belong to the neighbouring months)."""
        for y, m, d in self.itermonthdays3(year, month):
            yield datetime.date(y, m, d)

    def itermonthdays(self, year, month):
        """Day numbers for whole weeks covering the month, with 0 for the
        days that belong to the neighbouring months."""
        before, ndays, after = self._padding(year, month)
        for _ in range(before):
            yield 0
        yield from range(1, ndays + 1)
        for _ in range(after):
            yield 0

    def itermonthdays2(self, year, month):
        """(day number, weekday) pairs; the day number is 0 outside the month."""
        wd = self.firstweekday
        for d in self.itermonthdays(year, month):
            yield d, wd % 7
            wd += 1

    def itermonthdays3(self, year, month):
        """(year, month, day) triples for whole weeks covering the month;
        works outside the range datetime.date supports."""
        before, ndays, after = self._padding(year, month)
        y, m = _prevmonth(year, month)
        last = _monthlen(y, m)
        for d in range(last - before + 1, last + 1):
            yield y, m, d
        for d in range(1, ndays + 1):
            yield year, month, d
        y, m = _nextmonth(year, month)
        for d in range(1, after + 1):
            yield y, m, d

    def itermonthdays4(self, year, month):
        """(year, month, day, weekday) for whole weeks covering the month."""
        wd = self.firstweekday
        for y, m, d in self.itermonthdays3(year, month):
            yield y, m, d, wd % 7
            wd += 1

    def monthdatescalendar(self, year, month):
        """The month as a list of weeks, each a list of seven datetime.date values."""
        return _rows(list(self.itermonthdates(year, month)), 7)

    def monthdays2calendar(self, year, month):
        """The month as a list of weeks of (day number, weekday) pairs
        (day number 0 outside the month)."""
        return _rows(list(self.itermonthdays2(year, month)), 7)

    def monthdayscalendar(self, year, month):
        """The month as a list of weeks of day numbers (0 outside the month)."""
        return _rows(list(self.itermonthdays(year, month)), 7)

    def yeardatescalendar(self, year, width=3):
        """The year as rows of up to *width* months, each as from
        monthdatescalendar()."""
        return _rows([self.monthdatescalendar(year, m) for m in Month], width)

    def yeardays2calendar(self, year, width=3):
        """The year as rows of up to *width* months, each as from
        monthdays2calendar()."""
        return _rows([self.monthdays2calendar(year, m) for m in Month], width)

    def yeardayscalendar(self, year, width=3):
        """The year as rows of up to *width* months, each as from
        monthdayscalendar()."""
        return _rows([self.monthdayscalendar(year, m) for m in Month], width)


class TextCalendar(Calendar):
    """A Calendar that lays months and years out as plain text, like cal(1)."""

    def prweek(self, theweek, width):
        """Print one week, without a newline."""
        print(self.formatweek(theweek, width), end='')

    def formatday(self, day, weekday, width):
        """One day, centred in *width* columns (blank for day 0)."""
        text = '%2i' % day if day else ''
        return text.center(width)

    def formatweek(self, theweek, width):
        """One week as a line of text (no newline)."""
        return ' '.join([self.formatday(d, wd, width) for d, wd in theweek])

    def formatweekday(self, day, width):
        """A weekday name cut to *width* characters and centred."""
        names = day_name if width >= 9 else day_abbr
        return names[day][:width].center(width)

    def formatweekheader(self, width):
        """The line of weekday names heading each month."""
        return ' '.join([self.formatweekday(i, width) for i in self.iterweekdays()])

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        """The month's name (and year), centred in *width* columns."""
        text = month_name[themonth]
        if withyear:
            text = "%s %r" % (text, theyear)
        return text.center(width)

    def prmonth(self, theyear, themonth, w=0, l=0):
        """Print formatmonth(theyear, themonth, w, l)."""
        print(self.formatmonth(theyear, themonth, w, l), end='')

    def formatmonth(self, theyear, themonth, w=0, l=0):
        """One month as multi-line text: w is the width of a day column,
        l the number of lines per week."""
        w = max(2, w)
        l = max(1, l)
        gap = '\n' * l
        parts = [self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1).rstrip(), gap,
                 self.formatweekheader(w).rstrip(), gap]
        for week in self.monthdays2calendar(theyear, themonth):
            parts.append(self.formatweek(week, w).rstrip())
            parts.append(gap)
        return ''.join(parts)

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        """A whole year as text: m months per row, c spaces between them;
        w and l as for formatmonth()."""
        w = max(2, w)
        l = max(1, l)
        c = max(2, c)
        colwidth = (w + 1) * 7 - 1
        gap = '\n' * l
        out = [repr(theyear).center(colwidth * m + c * (m - 1)).rstrip(), gap]
        header = self.formatweekheader(w)
        for i, row in enumerate(self.yeardays2calendar(theyear, m)):
            months = range(m * i + 1, min(m * (i + 1) + 1, 13))
            out.append(gap)
            names = [self.formatmonthname(theyear, k, colwidth, False) for k in months]
            out.append(formatstring(names, colwidth, c).rstrip())
            out.append(gap)
            out.append(formatstring([header for k in months], colwidth, c).rstrip())
            out.append(gap)
            height = max(len(cal) for cal in row)
            for j in range(height):
                weeks = [self.formatweek(cal[j], w) if j < len(cal) else ''
                         for cal in row]
                out.append(formatstring(weeks, colwidth, c).rstrip())
                out.append(gap)
        return ''.join(out)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        """Print formatyear(theyear, w, l, c, m)."""
        print(self.formatyear(theyear, w, l, c, m), end='')


class HTMLCalendar(Calendar):
    """A Calendar that produces HTML tables."""

    cssclasses = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    cssclasses_weekday_head = cssclasses
    cssclass_noday = "noday"
    cssclass_month_head = "month"
    cssclass_month = "month"
    cssclass_year_head = "year"
    cssclass_year = "year"

    def formatday(self, day, weekday):
        """A <td> cell for one day (an empty cell for day 0)."""
        if day == 0:
            return '<td class="%s">&nbsp;</td>' % self.cssclass_noday
        return '<td class="%s">%d</td>' % (self.cssclasses[weekday], day)

    def formatweek(self, theweek):
        """A <tr> row for one week."""
        return '<tr>%s</tr>' % ''.join([self.formatday(d, wd) for d, wd in theweek])

    def formatweekday(self, day):
        """A <th> header cell for a weekday."""
        return '<th class="%s">%s</th>' % (self.cssclasses_weekday_head[day], day_abbr[day])

    def formatweekheader(self):
        """The <tr> row of weekday headers."""
        return '<tr>%s</tr>' % ''.join([self.formatweekday(i) for i in self.iterweekdays()])

    def formatmonthname(self, theyear, themonth, withyear=True):
        """The <tr> row holding the month's name (and year)."""
        if withyear:
            text = '%s %s' % (month_name[themonth], theyear)
        else:
            text = '%s' % month_name[themonth]
        return '<tr><th colspan="7" class="%s">%s</th></tr>' % (self.cssclass_month_head, text)

    def formatmonth(self, theyear, themonth, withyear=True):
        """One month as an HTML table."""
        out = ['<table border="0" cellpadding="0" cellspacing="0" class="%s">'
               % self.cssclass_month, '\n',
               self.formatmonthname(theyear, themonth, withyear=withyear), '\n',
               self.formatweekheader(), '\n']
        for week in self.monthdays2calendar(theyear, themonth):
            out.append(self.formatweek(week))
            out.append('\n')
        out.append('</table>')
        out.append('\n')
        return ''.join(out)

    def formatyear(self, theyear, width=3):
        """A year as a table whose cells hold month tables, *width* per row."""
        width = max(width, 1)
        out = ['<table border="0" cellpadding="0" cellspacing="0" class="%s">'
               % self.cssclass_year, '\n',
               '<tr><th colspan="%d" class="%s">%s</th></tr>'
               % (width, self.cssclass_year_head, theyear)]
        for first in range(JANUARY, JANUARY + 12, width):
            out.append('<tr>')
            for m in range(first, min(first + width, 13)):
                out.append('<td>')
                out.append(self.formatmonth(theyear, m, withyear=False))
                out.append('</td>')
            out.append('</tr>')
        out.append('</table>')
        return ''.join(out)

    def formatyearpage(self, theyear, width=3, css='calendar.css', encoding=None):
        """A complete XHTML page for the year, encoded to bytes."""
        if encoding is None:
            encoding = sys.getdefaultencoding()
        out = ['<?xml version="1.0" encoding="%s"?>\n' % encoding,
               '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
               '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n',
               '<html>\n', '<head>\n',
               '<meta http-equiv="Content-Type" content="text/html; charset=%s" />\n'
               % encoding]
        if css is not None:
            out.append('<link rel="stylesheet" type="text/css" href="%s" />\n' % css)
        out.append('<title>Calendar for %d</title>\n' % theyear)
        out.append('</head>\n')
        out.append('<body>\n')
        out.append(self.formatyear(theyear, width))
        out.append('</body>\n')
        out.append('</html>\n')
        return ''.join(out).encode(encoding, "xmlcharrefreplace")


# Without a locale module every locale here is the C locale, so the
# Locale* calendars print the same English names as their bases.
class LocaleTextCalendar(TextCalendar):
    """TextCalendar that takes a locale name; only the C locale exists
    here, so the names stay English."""

    def __init__(self, firstweekday=0, locale=None):
        TextCalendar.__init__(self, firstweekday)
        self.locale = locale


class LocaleHTMLCalendar(HTMLCalendar):
    """HTMLCalendar that takes a locale name; only the C locale exists
    here, so the names stay English."""

    def __init__(self, firstweekday=0, locale=None):
        HTMLCalendar.__init__(self, firstweekday)
        self.locale = locale


# The module-level interface works on one shared TextCalendar.
c = TextCalendar()

firstweekday = c.getfirstweekday


def setfirstweekday(firstweekday):
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.firstweekday = firstweekday


monthcalendar = c.monthdayscalendar
prweek = c.prweek
week = c.formatweek
weekheader = c.formatweekheader
prmonth = c.prmonth
month = c.formatmonth
calendar = c.formatyear
prcal = c.pryear

_colwidth = 7 * 3 - 1         # width of one month printed by prweek()
_spacing = 6                  # spaces between month columns


def format(cols, colwidth=_colwidth, spacing=_spacing):
    """Print the columns centred side by side (see formatstring)."""
    print(formatstring(cols, colwidth, spacing))


def formatstring(cols, colwidth=_colwidth, spacing=_spacing):
    """The strings centred in columns of *colwidth*, *spacing* spaces apart."""
    return (spacing * ' ').join([col.center(colwidth) for col in cols])


EPOCH = 1970
_EPOCH_ORD = datetime.date(EPOCH, 1, 1).toordinal()


def timegm(tuple):
    """Seconds since the 1970 epoch of a UTC time tuple (only the first
    six fields are used)."""
    year, month, day, hour, minute, second = tuple[:6]
    days = datetime.date(year, month, 1).toordinal() - _EPOCH_ORD + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


def main(args=None):
    """Command line: [-w W] [-l L] [-s S] [-m M] [-f FIRST] [year [month]],
    printing a year (or one month) as text."""
    if args is None:
        args = sys.argv[1:]
    opts = {'-w': 2, '-l': 1, '-s': 6, '-m': 3, '-f': 0}
    long_names = {'--width': '-w', '--lines': '-l', '--spacing': '-s',
                  '--months': '-m', '--first-weekday': '-f'}
    numbers = []
    args = list(args)
    while args:
        arg = args.pop(0)
        key = long_names.get(arg, arg)
        if key in opts:
            opts[key] = int(args.pop(0))
        else:
            numbers.append(int(arg))
    cal = TextCalendar()
    cal.setfirstweekday(opts['-f'])
    year = numbers[0] if numbers else datetime.date.today().year
    if len(numbers) > 1:
        result = cal.formatmonth(year, numbers[1], w=opts['-w'], l=opts['-l'])
    else:
        result = cal.formatyear(year, w=opts['-w'], l=opts['-l'], c=opts['-s'], m=opts['-m'])
    sys.stdout.write(result)


if __name__ == "__main__":
    main()
