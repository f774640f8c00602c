import { describe, expect, it } from "vitest";
import { formatProbability, sortVariants, variantTable } from "./variant-table";
import { variantOf } from "./tables.fixture";

describe("the variants table", () => {
  it("groups variants by stage (in the ladder's order) and channel, likeliest best first", () => {
    const rows = [
      variantOf("3m", "sms", "a", 0.5),
      variantOf("1m", "sms", "a", 0.2),
      variantOf("1m", "email", "b", null),
      variantOf("1m", "sms", "b", 0.8),
    ];
    expect(
      sortVariants(rows, ["1m", "3m"]).map((r) => `${r.stage} ${r.channel} ${r.variant}`),
    ).toEqual(["1m email b", "1m sms b", "1m sms a", "3m sms a"]);
  });

  it("shows names, counts, rate, interval, probability and the verdict", () => {
    const table = variantTable([variantOf("1m", "web_push", "b", 0.404)], { "1m": "1 month" });
    expect(table.rows[0]!.cells).toEqual([
      "1 month",
      "Web push",
      "b",
      "Open app",
      "40",
      "8",
      "20.0%",
      "10.0%–35.0%",
      "40%",
      "No clear difference yet (40% likely best).",
    ]);
  });

  it("never shows a probability as a certainty", () => {
    expect(formatProbability(0.999)).toBe(">99%");
    expect(formatProbability(0.001)).toBe("<1%");
    expect(formatProbability(1)).toBe("100%");
    expect(formatProbability(0)).toBe("0%");
    expect(formatProbability(null)).toBe("—");
  });
});
