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

function nextWorkingDay(day: number): number {
  let next = day + DAY_MS;
  while (!isWorkingCivilDay(next)) next += DAY_MS;
  return next;
}

export function addDuration(from: Date, iso: string, calendar: CalendarMode): Date {
  const duration = parseDuration(iso);
  const months = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  const days = (duration.weeks ?? 0) * (calendar === 'working-days' ? 5 : 7) + (duration.days ?? 0);
  const clockMs = ((duration.hours ?? 0) * 3600 + (duration.minutes ?? 0) * 60 + (duration.seconds ?? 0)) * 1000;

  if (calendar === 'elapsed') {
    const afterMonths = months === 0 ? from : fromOslo(addMonths(toOslo(from), months));
    return new Date(afterMonths.getTime() + days * DAY_MS + clockMs);
  }
  if (calendar !== 'working-days') throw new Error(`Unknown calendar mode ${JSON.stringify(calendar)}`);

  const start = addMonths(toOslo(from), months);
  let day = civilDay(start);
  if (months > 0 && !isWorkingCivilDay(day)) day = nextWorkingDay(day);
  // N working days after a date is the Nth working day after that calendar date, at the same
  // Oslo time of day: Friday, Saturday and Sunday + P1D all land on Monday (Tuesday after Easter).
  for (let counted = 0; counted < days; counted++) day = nextWorkingDay(day);
  return new Date(fromOslo(withCivilDay(start, day)).getTime() + clockMs);
}

// Working days after a's Oslo date up to and including b's; 0 when b is not after a.
export function workingDaysBetween(a: Date, b: Date): number {
  const last = civilDay(toOslo(b));
  let count = 0;
  for (let day = civilDay(toOslo(a)) + DAY_MS; day <= last; day += DAY_MS) {
    if (isWorkingCivilDay(day)) count++;
  }
  return count;
}
