import { fractionDigits } from "./format";

const axisPercent = new Intl.NumberFormat(undefined, {
  style: "percent",
  maximumFractionDigits: 0,
});

/** "12%" on an axis. */
export const percentTick = (value: number) => axisPercent.format(value);

/** "$1.2K", "₫3M" on an axis: compact, in the currency. */
export function moneyTick(currency: string) {
  const format = new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  return (value: number) => format.format(value);
}

/** An amount already in the major unit, in full: "$1,234.50". */
export function majorMoney(value: number, currency: string): string {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
