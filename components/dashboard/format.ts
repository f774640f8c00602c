import type { Money } from "@/server/metrics/money";

/*
 * Numbers as the dashboard shows them, in the viewer's locale. Money stays per currency (never
 * converted): each currency's minor units are divided by 10^its fraction digits.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: "currency", currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** Digits after the decimal point of `currency`: 2 for USD, 0 for VND and JPY. */
export function fractionDigits(currency: string): number {
  return moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units (cents, đồng) as an amount in the currency's major unit. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** fractionDigits(currency);
}

/** "$1,234.50" from 123450 cents. */
export function formatMoney(minor: number, currency: string): string {
  return moneyFormat(currency).format(toMajor(minor, currency));
}

/** One line per currency, in a stable order; "—" when there is none. */
export function moneyLines(money: Money): string[] {
  const currencies = Object.keys(money).sort();
  if (currencies.length === 0) return ["—"];
  return currencies.map((c) => formatMoney(money[c]!, c));
}

/** Every currency that appears in any of the amounts, sorted. */
export function currenciesOf(amounts: Money[]): string[] {
  return [...new Set(amounts.flatMap((m) => Object.keys(m)))].sort();
}

const count = new Intl.NumberFormat(undefined);
const percent = new Intl.NumberFormat(undefined, {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatCount(n: number): string {
  return count.format(n);
}

/** "12.5%", or "—" when there is no rate (nothing reached). */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : percent.format(rate);
}

/** "8.1%–15.2%", or "—". */
export function formatInterval(interval: [number, number] | null): string {
  return interval ? `${percent.format(interval[0])}–${percent.format(interval[1])}` : "—";
}

const points = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 1,
  minimumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** A difference of rates in percentage points: "+3.2 pp". */
export function formatPoints(difference: number): string {
  return `${points.format(difference * 100)} pp`;
}

/** "rate_limited" → "Rate limited"; "emailBounced" → "Email bounced". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** "3 Mar 2026" from "2026-03-03" (a calendar day, whatever the viewer's zone). */
export function formatDay(isoDate: string): string {
  return day.format(new Date(`${isoDate}T00:00:00Z`));
}
