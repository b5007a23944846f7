// Local dates and times in a time zone, with Intl only: the digest's notion of "today" and "08:00".
export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** HH:MM, 24-hour, in the zone. */
  time: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAYS.indexOf(parts.weekday!) + 1,
  };
}

/** The zone's offset from UTC at an instant, in minutes. */
function offsetMinutes(instant: number, timeZone: string): number {
  const l = localTime(new Date(instant), timeZone);
  const [y, mo, d] = l.date.split("-").map(Number) as [number, number, number];
  const [h, mi] = l.time.split(":").map(Number) as [number, number];
  return Math.round((Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant / 60000) * 60000) / 60000);
}

/** The first instant at or after local `date` `time` (a time that a spring-forward skips becomes the first one after it). */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - offsetMinutes(wall, timeZone) * 60000;
  instant = wall - offsetMinutes(instant, timeZone) * 60000;
  // In a spring-forward gap the wall time does not exist: move to when the clocks show a later time that day.
  while (localTime(new Date(instant), timeZone).time < time && localTime(new Date(instant), timeZone).date === date)
    instant += 15 * 60000;
  return new Date(instant);
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}
