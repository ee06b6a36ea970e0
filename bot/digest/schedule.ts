import { Cron } from 'croner';

/** One scheduled digest: the instant it falls due and the server's local date it is for. */
export interface ScheduledRun {
  at: Date;
  localDate: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date `YYYY-MM-DD` of an instant in an IANA time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

const jobs = new Map<string, Cron>();

/**
 * A daily job at `HH:MM` in `timeZone`, computed by croner (never run: paused, no callback). Croner's DST rules for
 * a fixed-time job: a time that does not exist (spring forward) falls due at the first valid time after the gap,
 * the same day; a time that occurs twice (fall back) falls due once, at its first occurrence.
 */
function dailyJob(time: string, timeZone: string): Cron {
  const key = `${time} ${timeZone}`;
  let job = jobs.get(key);
  if (!job) {
    const [hour, minute] = time.split(':').map(Number);
    job = new Cron(`0 ${minute} ${hour} * * *`, { timezone: timeZone, paused: true });
    jobs.set(key, job);
  }
  return job;
}

/** Each schedule's latest run and when the next one falls due: until then, the answer does not change. */
const latest = new Map<string, { run: ScheduledRun; until: number }>();

/** The latest scheduled run at or before `now` (the one a tick may owe), with the local date it is for. */
export function latestRun(time: string, timeZone: string, now: Date): ScheduledRun | undefined {
  const key = `${time} ${timeZone}`;
  const at = now.getTime();
  const known = latest.get(key);
  if (known && at >= known.run.at.getTime() && at < known.until) return known.run;
  const job = dailyJob(time, timeZone);
  // previousRuns looks strictly before its reference; a run exactly at `now` is due.
  const [previous] = job.previousRuns(1, new Date(at + 1));
  if (!previous) return undefined;
  const run = { at: previous, localDate: localDateOf(previous, timeZone) };
  latest.set(key, { run, until: job.nextRun(previous)?.getTime() ?? Number.POSITIVE_INFINITY });
  return run;
}

/** The next scheduled run strictly after `now`. */
export function nextRun(time: string, timeZone: string, now: Date): ScheduledRun | undefined {
  latestRun(time, timeZone, now);
  const known = latest.get(`${time} ${timeZone}`);
  // Between the latest run and the next one, the next one is already known.
  const at =
    known && Number.isFinite(known.until) ? new Date(known.until) : dailyJob(time, timeZone).nextRun(now);
  return at ? { at, localDate: localDateOf(at, timeZone) } : undefined;
}
