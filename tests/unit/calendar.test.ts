import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDuration,
  CalendarRangeError,
  InvalidDurationError,
  isNorwegianHoliday,
  isValidDuration,
  isWorkingDay,
  norwegianHolidays,
  parseDuration,
  workingDaysBetween,
} from '../../domain/calendar.js';

// The oracle, written out by hand from the Easter Sundays (2024-03-31, 2025-04-20, 2026-04-05,
// 2027-03-28): Maundy Thursday -3, Good Friday -2, Easter Monday +1, Ascension +39, Whitsun +49/+50,
// plus 1 Jan, 1 May, 17 May, 25 and 26 Dec.
const expectedPublicHolidays: Record<number, string[]> = {
  2024: [
    '2024-01-01', '2024-03-28', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-01',
    '2024-05-09', '2024-05-17', '2024-05-19', '2024-05-20', '2024-12-25', '2024-12-26',
  ],
  2025: [
    '2025-01-01', '2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-01',
    '2025-05-17', '2025-05-29', '2025-06-08', '2025-06-09', '2025-12-25', '2025-12-26',
  ],
  2026: [
    '2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01',
    '2026-05-14', '2026-05-17', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
  ],
  // Whit Monday falls on Constitution Day this year, so there is one date fewer.
  2027: [
    '2027-01-01', '2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01',
    '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26',
  ],
};

const oslo = (isoWithOffset: string) => new Date(isoWithOffset);

describe('Norwegian public holidays', () => {
  for (const [year, expected] of Object.entries(expectedPublicHolidays)) {
    it(`lists exactly the public holidays of ${year}, Easter-based ones included`, () => {
      const dates = [...new Set(norwegianHolidays(Number(year)).map((holiday) => holiday.date))].sort();
      expect(dates).toEqual(expected);
    });
  }

  it('names both holidays when Whit Monday and Constitution Day share 17 May 2027', () => {
    const names = norwegianHolidays(2027).filter((h) => h.date === '2027-05-17').map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['Grunnlovsdagen', 'Andre pinsedag']));
  });

  it('reads the date in Oslo: 00:30 on 17 May Oslo time is a holiday though UTC still says 16 May', () => {
    expect(isNorwegianHoliday(new Date('2025-05-16T22:30:00Z'))).toBe(true);
    expect(isNorwegianHoliday(new Date('2025-05-16T21:30:00Z'))).toBe(false);
  });

  it('does not call an ordinary Sunday a holiday, though it is not a working day', () => {
    const sunday = oslo('2025-03-09T12:00:00+01:00');
    expect(isNorwegianHoliday(sunday)).toBe(false);
    expect(isWorkingDay(sunday)).toBe(false);
  });

  it('treats Christmas Eve as a working day, since it is not a public holiday', () => {
    expect(isWorkingDay(oslo('2025-12-24T09:00:00+01:00'))).toBe(true);
  });

  it('treats Good Friday and New Year’s Day in Oslo as non-working days', () => {
    expect(isWorkingDay(oslo('2025-04-18T09:00:00+02:00'))).toBe(false);
    expect(isWorkingDay(new Date('2025-12-31T23:30:00Z'))).toBe(false);
  });
});

describe('adding working days', () => {
  const cases: [string, string, string, string][] = [
    ['Friday plus one working day is Monday', '2025-03-07T09:00:00+01:00', 'P1D', '2025-03-10T09:00:00+01:00'],
    ['Saturday plus one working day is Monday', '2025-03-08T09:00:00+01:00', 'P1D', '2025-03-10T09:00:00+01:00'],
    ['Sunday plus one working day is Monday', '2025-03-09T09:00:00+01:00', 'P1D', '2025-03-10T09:00:00+01:00'],
    ['the day before Maundy Thursday plus one is the Tuesday after Easter', '2025-04-16T10:00:00+02:00', 'P1D', '2025-04-22T10:00:00+02:00'],
    ['three working days across Easter 2025', '2025-04-16T10:00:00+02:00', 'P3D', '2025-04-24T10:00:00+02:00'],
    ['three working days across Easter 2024', '2024-03-27T08:00:00+01:00', 'P3D', '2024-04-04T08:00:00+02:00'],
    ['a working week across Easter is five working days, not seven calendar days', '2025-04-14T12:00:00+02:00', 'P1W', '2025-04-24T12:00:00+02:00'],
    ['a working week without holidays lands on the same weekday', '2025-03-03T12:00:00+01:00', 'P1W', '2025-03-10T12:00:00+01:00'],
    ['Christmas Eve counts, Christmas Day and Boxing Day do not', '2025-12-23T14:00:00+01:00', 'P2D', '2025-12-29T14:00:00+01:00'],
    ['New Year’s Eve plus one skips New Year’s Day', '2025-12-31T09:00:00+01:00', 'P1D', '2026-01-02T09:00:00+01:00'],
    ['17 May and Whit Monday 2024 are both skipped', '2024-05-16T09:00:00+02:00', 'P1D', '2024-05-21T09:00:00+02:00'],
    ['17 May 2027, also Whit Monday, is skipped once', '2027-05-14T09:00:00+02:00', 'P1D', '2027-05-18T09:00:00+02:00'],
    ['Ascension Day is skipped', '2026-05-13T09:00:00+02:00', 'P1D', '2026-05-15T09:00:00+02:00'],
    ['the Oslo time of day survives the switch to summer time', '2025-03-28T09:00:00+01:00', 'P1D', '2025-03-31T09:00:00+02:00'],
    ['hours are added after the working days, as wall time', '2025-03-07T16:00:00+01:00', 'P1DT2H', '2025-03-10T18:00:00+01:00'],
    ['a month later lands on a working day as it is', '2025-01-31T10:00:00+01:00', 'P1M', '2025-02-28T10:00:00+01:00'],
    ['a month later on a Saturday rolls forward to Monday', '2025-03-05T10:00:00+01:00', 'P1M', '2025-04-07T10:00:00+02:00'],
    ['a month later on Maundy Thursday rolls forward past Easter', '2025-03-17T10:00:00+01:00', 'P1M', '2025-04-22T10:00:00+02:00'],
    ['a year later on a Saturday rolls forward to Monday', '2024-05-17T10:00:00+02:00', 'P1Y', '2025-05-19T10:00:00+02:00'],
  ];

  for (const [behaviour, from, duration, expected] of cases) {
    it(behaviour, () => {
      expect(addDuration(oslo(from), duration, 'working-days').toISOString()).toBe(oslo(expected).toISOString());
    });
  }

  it('a duration of only seconds runs as wall time, even on a weekend', () => {
    const saturday = oslo('2025-03-08T09:00:00+01:00');
    expect(addDuration(saturday, 'PT5S', 'working-days').toISOString()).toBe('2025-03-08T08:00:05.000Z');
  });

  it('does not read the clock: the same input always gives the same deadline', () => {
    const from = oslo('2025-04-16T10:00:00+02:00');
    expect(addDuration(from, 'P10D', 'working-days')).toEqual(addDuration(from, 'P10D', 'working-days'));
  });

  it('N working days later is always a working day exactly N working days away', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (from, days) => {
          const deadline = addDuration(from, `P${days}D`, 'working-days');
          expect(isWorkingDay(deadline)).toBe(true);
          expect(workingDaysBetween(from, deadline)).toBe(days);
        },
      ),
    );
  });
});

describe('adding elapsed time', () => {
  it('adds five seconds of wall time for PT5S', () => {
    expect(addDuration(new Date('2025-04-18T10:00:00Z'), 'PT5S', 'elapsed').toISOString()).toBe('2025-04-18T10:00:05.000Z');
  });

  it('does not skip weekends or holidays', () => {
    expect(addDuration(oslo('2025-04-16T10:00:00+02:00'), 'P1D', 'elapsed').toISOString()).toBe(
      oslo('2025-04-17T10:00:00+02:00').toISOString(),
    );
  });

  it('counts a day as 24 hours, also across the switch to summer time', () => {
    expect(addDuration(new Date('2025-03-29T12:00:00Z'), 'P1D', 'elapsed').toISOString()).toBe('2025-03-30T12:00:00.000Z');
  });

  it('adds months on the calendar, ending on the last day of a shorter month', () => {
    expect(addDuration(oslo('2024-01-31T10:00:00+01:00'), 'P1M', 'elapsed').toISOString()).toBe(
      oslo('2024-02-29T10:00:00+01:00').toISOString(),
    );
  });

  it('combines parts: P1DT1H30M is 25.5 hours', () => {
    expect(addDuration(new Date('2025-01-01T00:00:00Z'), 'P1DT1H30M', 'elapsed').toISOString()).toBe('2025-01-02T01:30:00.000Z');
  });
});

describe('durations', () => {
  it('parses the forms policies use', () => {
    expect(parseDuration('P3D')).toEqual({ days: 3 });
    expect(parseDuration('PT5S')).toEqual({ seconds: 5 });
    expect(parseDuration('P1W')).toEqual({ weeks: 1 });
    expect(parseDuration('P1M')).toEqual({ months: 1 });
    expect(parseDuration('PT1H30M')).toEqual({ hours: 1, minutes: 30 });
    expect(parseDuration('PT0.5S')).toEqual({ seconds: 0.5 });
  });

  for (const bad of ['', 'P', 'PT', '3D', 'P1DT', '-P1D', 'P1.5D', 'xP1D', 'P1Dx', 'p1d', 'PT-5S', 'P1D ', 'P1H']) {
    it(`rejects ${JSON.stringify(bad)} with an error naming the input`, () => {
      expect(isValidDuration(bad)).toBe(false);
      expect(() => parseDuration(bad)).toThrow(InvalidDurationError);
      expect(() => addDuration(new Date('2025-01-01T00:00:00Z'), bad, 'elapsed')).toThrow(JSON.stringify(bad));
    });
  }

  it('accepts every valid form', () => {
    for (const good of ['P3D', 'PT5S', 'P1W', 'P1M', 'PT1H30M', 'P1Y2M3DT4H5M6S', 'P0D']) {
      expect(isValidDuration(good)).toBe(true);
    }
  });
});

describe('counting working days between two dates', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(oslo('2025-03-03T09:00:00+01:00'), oslo('2025-03-10T09:00:00+01:00'))).toBe(5);
  });

  it('skips Easter', () => {
    expect(workingDaysBetween(oslo('2025-04-16T09:00:00+02:00'), oslo('2025-04-22T08:00:00+02:00'))).toBe(1);
  });

  it('is zero for the same day and when the second date comes first', () => {
    expect(workingDaysBetween(oslo('2025-03-03T09:00:00+01:00'), oslo('2025-03-03T17:00:00+01:00'))).toBe(0);
    expect(workingDaysBetween(oslo('2025-03-10T09:00:00+01:00'), oslo('2025-03-03T09:00:00+01:00'))).toBe(0);
  });
});

describe('working-day arithmetic over long spans', () => {
  /** The plain walk, one calendar day at a time: the oracle for the counting arithmetic. */
  function walkWorkingDays(from: Date, n: number): string {
    const civil = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(d);
    let day = new Date(`${civil(from)}T12:00:00Z`);
    for (let counted = 0; counted < n; ) {
      day = new Date(day.getTime() + 86_400_000);
      if (isWorkingDay(day)) counted += 1;
    }
    return civil(day);
  }

  it('lands on the same day as walking day by day, for any start and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 700 }), (offset, n) => {
        const from = new Date(Date.UTC(2024, 0, 1, 8) + offset * 86_400_000);
        const civil = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(addDuration(from, `P${n}D`, 'working-days'));
        expect(civil).toBe(walkWorkingDays(from, n));
      }),
      { numRuns: 200 },
    );
  });

  it('counts working days between dates years apart the same way', () => {
    const a = oslo('2024-02-15T09:00:00+01:00');
    const b = oslo('2027-11-03T09:00:00+01:00');
    const n = workingDaysBetween(a, b);
    expect(walkWorkingDays(a, n)).toBe('2027-11-03');
  });

  it('answers a plan decades long at once, and refuses one beyond the calendar instead of walking to it', () => {
    const started = performance.now();
    expect(addDuration(oslo('2026-01-05T09:00:00+01:00'), 'P5000D', 'working-days').getUTCFullYear()).toBe(2045);
    expect(() => addDuration(oslo('2026-01-05T09:00:00+01:00'), 'P99999999D', 'working-days')).toThrow(CalendarRangeError);
    expect(() => addDuration(oslo('2026-01-05T09:00:00+01:00'), 'P99999999D', 'elapsed')).toThrow(CalendarRangeError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
