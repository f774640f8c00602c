import { describe, expect, it } from "vitest";
import { defaultInput, presetOf, presetRange, readFilters, toSearch } from "./filters";

const today = "2026-03-31";
const read = (query: string) => readFilters(new URLSearchParams(query), today);

describe("dashboard filters in the URL", () => {
  it("defaults to the last 12 weeks ending today, by week", () => {
    expect(defaultInput(today)).toEqual({ from: "2026-01-07", to: today, period: "week" });
    expect(read("")).toEqual({ input: defaultInput(today), problems: [] });
  });

  it("reads every filter the server takes", () => {
    expect(read("from=2026-01-01&to=2026-02-28&period=month&stage=1m").input).toEqual({
      from: "2026-01-01",
      to: "2026-02-28",
      period: "month",
      stage: "1m",
    });
    expect(read("from=2026-01-01&to=2026-02-28&channel=zalo").input).toMatchObject({
      channel: "zalo",
    });
  });

  it("refuses a stage and a channel together: the figures narrow to one group", () => {
    expect(read("stage=1m&channel=zalo").problems).toEqual([
      "Channel: filter by a stage or by a channel, not both",
    ]);
  });

  it("falls back to the defaults, saying why, when the URL's filters are invalid", () => {
    const reversed = read("from=2026-03-01&to=2026-02-01");
    expect(reversed.input).toEqual(defaultInput(today));
    expect(reversed.problems).toEqual(["End: must not be before the start date"]);
    expect(read("channel=fax").problems).toHaveLength(1);
    expect(read("from=2026-03-01").problems).toEqual(["The link has only one of the two dates."]);
    expect(read("period=year").input.period).toBe("week");
  });

  it("writes only what differs from the defaults, and reads back what it wrote", () => {
    expect(toSearch(defaultInput(today), today)).toBe("");
    const input = { from: "2026-01-01", to: "2026-02-28", period: "month" as const, stage: "1m" };
    const search = toSearch(input, today);
    expect(search).toBe("from=2026-01-01&to=2026-02-28&period=month&stage=1m");
    expect(read(search).input).toEqual(input);
    expect(toSearch({ ...defaultInput(today), channel: "sms" }, today)).toBe("channel=sms");
  });

  it("knows its quick ranges, both days included", () => {
    expect(presetRange("4w", today)).toEqual({ from: "2026-03-04", to: today });
    expect(presetRange("6m", today)).toEqual({ from: "2025-10-01", to: today });
    expect(presetRange("12m", today)).toEqual({ from: "2025-04-01", to: today });
    expect(presetOf(presetRange("12w", today), today)).toBe("12w");
    expect(presetOf({ from: "2026-01-01", to: today }, today)).toBeUndefined();
  });
});
