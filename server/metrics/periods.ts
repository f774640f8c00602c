export type PeriodKind = "week" | "month";
export const periodKinds: readonly PeriodKind[] = ["week", "month"];

const DAY_MS = 86_400_000;

/** The first day of the week (Monday, as ISO 8601 and Postgres' `date_trunc`) or month of a date. */
export function periodStart(localDate: string, kind: PeriodKind): string {
  if (kind === "month") return `${localDate.slice(0, 7)}-01`;
  const day = Date.parse(`${localDate}T00:00:00Z`);
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The day after the period that starts on `start`. */
export function periodEnd(start: string, kind: PeriodKind): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (kind === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** A date `days` after (or before) another. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
