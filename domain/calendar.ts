// Deadline arithmetic for escalation policies (DESIGN.md, "Escalation policies"): ISO-8601
// durations counted either in Norwegian working days or in elapsed wall time. Pure — no clock is
// read — so activities can call it and retries get the same answer.
import Holidays from 'date-holidays';
import { parse, type Duration } from 'tinyduration';

export type { Duration };
export type CalendarMode = 'working-days' | 'elapsed';

const OSLO = 'Europe/Oslo';
const DAY_MS = 86_400_000;

export class InvalidDurationError extends Error {
  constructor(readonly input: unknown) {
    super(
      `Invalid duration ${JSON.stringify(input)}: expected a non-negative ISO-8601 duration such as ` +
        'P3D, P1W, P1M, PT1H30M or PT5S (years, months, weeks and days in whole numbers)',
    );
    this.name = 'InvalidDurationError';
  }
}

// tinyduration's own pattern is unanchored ("xP1D", "P1DT" and "-P1D" get through), so the shape
// is checked here first. Calendar parts must be whole numbers: half a working day has no meaning.
const DURATION_SHAPE =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+([.,]\d+)?H)?(\d+([.,]\d+)?M)?(\d+([.,]\d+)?S)?)?$/;

export function parseDuration(iso: string): Duration {
  if (typeof iso !== 'string' || !DURATION_SHAPE.test(iso)) throw new InvalidDurationError(iso);
  return parse(iso);
}

/** Rough length in seconds (a month is 30 days), to compare durations with each other and with bounds. */
export function approximateSeconds(iso: string): number {
  const d = parseDuration(iso);
  return (d.years ?? 0) * 31_536_000 + (d.months ?? 0) * 2_592_000 + (d.weeks ?? 0) * 604_800 + (d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0);
}

export function isValidDuration(iso: string): boolean {
  return typeof iso === 'string' && DURATION_SHAPE.test(iso);
}

const holidayCalendar = new Holidays('NO', { types: ['public'], languages: ['no'], timezone: OSLO });
const holidayDatesByYear = new Map<number, Set<string>>();

export function norwegianHolidays(year: number): { date: string; name: string }[] {
  return holidayCalendar
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
}

function holidayDates(year: number): Set<string> {
  let dates = holidayDatesByYear.get(year);
  if (!dates) {
    dates = new Set(norwegianHolidays(year).map((holiday) => holiday.date));
    holidayDatesByYear.set(year, dates);
  }
  return dates;
}

// Oslo wall-clock time. Whole dates are handled as "civil days": UTC midnight of the Oslo date,
// so stepping one day is exactly DAY_MS and never trips over a daylight-saving change.
interface OsloDateTime {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number; millisecond: number;
}

const osloFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO, hourCycle: 'h23',
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

function toOslo(date: Date): OsloDateTime {
  const parts = Object.fromEntries(osloFormat.formatToParts(date).map((p) => [p.type, Number(p.value)]));
  const { year, month, day, hour, minute, second } = parts;
  return { year, month, day, hour, minute, second, millisecond: date.getUTCMilliseconds() };
}

function wallClockAsUtc(t: OsloDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
}

function fromOslo(t: OsloDateTime): Date {
  const wall = wallClockAsUtc(t);
  const offsetAt = (instant: number) => wallClockAsUtc(toOslo(new Date(instant))) - instant;
  // The second pass uses the offset on the far side of a daylight-saving switch, if there is one.
  return new Date(wall - offsetAt(wall - offsetAt(wall)));
}

function civilDay(t: OsloDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day);
}

function withCivilDay(t: OsloDateTime, day: number): OsloDateTime {
  const d = new Date(day);
  return { ...t, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isWorkingCivilDay(day: number): boolean {
  const d = new Date(day);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidayDates(d.getUTCFullYear()).has(d.toISOString().slice(0, 10));
}

export function isNorwegianHoliday(date: Date): boolean {
  const oslo = toOslo(date);
  return holidayDates(oslo.year).has(new Date(civilDay(oslo)).toISOString().slice(0, 10));
}

export function isWorkingDay(date: Date): boolean {
  return isWorkingCivilDay(civilDay(toOslo(date)));
}

// Jan 31 + P1M is the last day of February, not March 3rd.
function addMonths(t: OsloDateTime, months: number): OsloDateTime {
  if (months === 0) return t;
  const firstOfTarget = new Date(Date.UTC(t.year, t.month - 1 + months, 1));
  const year = firstOfTarget.getUTCFullYear();
  const month = firstOfTarget.getUTCMonth() + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...t, year, month, day: Math.min(t.day, daysInMonth) };
}

// Working-day arithmetic counts instead of walking: the working days before a civil day are its
// weekdays since a Monday epoch less the weekday holidays before it (a running total per year),
// so adding N working days is a binary search, never a walk day by day over years.
const EPOCH_MONDAY = Date.UTC(1970, 0, 5);
/** Dates the calendar answers for; outside them a duration is out of any plan's range. */
export const CALENDAR_YEARS = { first: 1970, last: 2200 } as const;

export class CalendarRangeError extends RangeError {
  constructor(what: string) {
    super(`${what} falls outside ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}, the years the working-day calendar covers`);
    this.name = 'CalendarRangeError';
  }
}

const weekdayHolidaysBeforeYear: number[] = [0];

function weekdayHolidays(year: number): number[] {
  return [...holidayDates(year)].map((date) => Date.parse(`${date}T00:00:00Z`)).filter((day) => {
    const weekday = new Date(day).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  });
}

function checkYear(day: number): number {
  const year = new Date(day).getUTCFullYear();
  if (!(year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last)) throw new CalendarRangeError('a date');
  return year;
}

/** Working days strictly before a civil day, counted from the epoch. */
function workingDaysBefore(day: number): number {
  const year = checkYear(day);
  const daysSinceEpoch = Math.floor((day - EPOCH_MONDAY) / DAY_MS);
  const weeks = Math.floor(daysSinceEpoch / 7);
  const weekdays = weeks * 5 + Math.min(daysSinceEpoch - weeks * 7, 5);
  for (let y = weekdayHolidaysBeforeYear.length; y <= year - CALENDAR_YEARS.first; y++) {
    weekdayHolidaysBeforeYear[y] = weekdayHolidaysBeforeYear[y - 1] + weekdayHolidays(CALENDAR_YEARS.first + y - 1).length;
  }
  const earlierThisYear = weekdayHolidays(year).filter((holiday) => holiday < day).length;
  return weekdays - weekdayHolidaysBeforeYear[year - CALENDAR_YEARS.first] - earlierThisYear;
}

/** The Nth working day after a civil day (N ≥ 1). */
function workingDaysAfter(day: number, n: number): number {
  const already = workingDaysBefore(day + DAY_MS);
  // Five working days take seven calendar days, plus the holidays in between (about one in
  // twenty working days), so twice N calendar days always reach far enough.
  let low = day + DAY_MS;
  let high = day + (2 * n + 30) * DAY_MS;
  checkYear(high);
  while (low < high) {
    const mid = low + Math.floor((high - low) / DAY_MS / 2) * DAY_MS;
    if (workingDaysBefore(mid + DAY_MS) - already >= n) high = mid;
    else low = mid + DAY_MS;
  }
  return low;
}

function nextWorkingDay(day: number): number {
  return workingDaysAfter(day, 1);
}

export function addDuration(from: Date, iso: string, calendar: CalendarMode): Date {
  const duration = parseDuration(iso);
  const months = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  const days = (duration.weeks ?? 0) * (calendar === 'working-days' ? 5 : 7) + (duration.days ?? 0);
  const clockMs = ((duration.hours ?? 0) * 3600 + (duration.minutes ?? 0) * 60 + (duration.seconds ?? 0)) * 1000;

  if (calendar === 'elapsed') {
    const afterMonths = months === 0 ? from : fromOslo(addMonths(toOslo(from), months));
    const at = afterMonths.getTime() + days * DAY_MS + clockMs;
    checkYear(at);
    return new Date(at);
  }
  if (calendar !== 'working-days') throw new Error(`Unknown calendar mode ${JSON.stringify(calendar)}`);

  const start = addMonths(toOslo(from), months);
  let day = civilDay(start);
  if (months > 0 && !isWorkingCivilDay(day)) day = nextWorkingDay(day);
  // N working days after a date is the Nth working day after that calendar date, at the same
  // Oslo time of day: Friday, Saturday and Sunday + P1D all land on Monday (Tuesday after Easter).
  if (days > 0) day = workingDaysAfter(day, days);
  return new Date(fromOslo(withCivilDay(start, day)).getTime() + clockMs);
}

// Working days after a's Oslo date up to and including b's; 0 when b is not after a.
export function workingDaysBetween(a: Date, b: Date): number {
  const first = civilDay(toOslo(a));
  const last = civilDay(toOslo(b));
  return last <= first ? 0 : workingDaysBefore(last + DAY_MS) - workingDaysBefore(first + DAY_MS);
}
