import { describe, expect, it } from "vitest";
import {
  currenciesOf,
  formatCount,
  formatDay,
  formatInterval,
  formatMoney,
  formatPoints,
  formatRate,
  fractionDigits,
  humanize,
  moneyLines,
  toMajor,
} from "./format";

const money = (value: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value);

describe("dashboard numbers", () => {
  it("divides minor units by the currency's own fraction digits", () => {
    expect(fractionDigits("USD")).toBe(2);
    expect(fractionDigits("VND")).toBe(0);
    expect(fractionDigits("JPY")).toBe(0);
    expect(toMajor(123450, "USD")).toBe(1234.5);
    expect(toMajor(250000, "VND")).toBe(250000);
    expect(formatMoney(123450, "USD")).toBe(money(1234.5, "USD"));
    expect(formatMoney(250000, "VND")).toBe(money(250000, "VND"));
  });

  it("lists each currency on its own line, never adding them up", () => {
    expect(moneyLines({ VND: 500000, USD: 1999 })).toEqual([
      money(19.99, "USD"),
      money(500000, "VND"),
    ]);
    expect(moneyLines({})).toEqual(["—"]);
    expect(currenciesOf([{ VND: 1 }, { USD: 2, VND: 3 }, {}])).toEqual(["USD", "VND"]);
  });

  it("shows rates, intervals and lifts, and a dash without a rate", () => {
    expect(formatRate(0.125)).toBe("12.5%");
    expect(formatRate(null)).toBe("—");
    expect(formatInterval([0.081, 0.152])).toBe("8.1%–15.2%");
    expect(formatInterval(null)).toBe("—");
    expect(formatPoints(0.032)).toBe("+3.2 pp");
    expect(formatPoints(-0.01)).toBe("-1.0 pp");
    expect(formatPoints(0)).toBe("0.0 pp");
    expect(formatCount(12500)).toBe((12500).toLocaleString());
  });

  it("words keys and days", () => {
    expect(humanize("rate_limited")).toBe("Rate limited");
    expect(humanize("emailBounced")).toBe("Email bounced");
    expect(humanize("timeout")).toBe("Timeout");
    expect(formatDay("2026-03-03")).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
        Date.UTC(2026, 2, 3),
      ),
    );
  });
});
