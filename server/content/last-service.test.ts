import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stageReachedAt } from "@/server/engine/stages";
import { monthsBetween } from "@/server/engine/time";
import {
  lastServiceValues,
  localDateWords,
  monthsSince,
  monthsSinceWords,
  withoutUnknownDate,
  type ContactHistory,
} from "./last-service";

const at = (iso: string) => new Date(iso);

describe("monthsBetween — calendar months as the stages count them", () => {
  it.each([
    // Month-end clamps: 2025-08-31 + 6 months is 2026-02-28 (SPEC §1.1).
    ["2025-08-31", "2026-02-27", 5],
    ["2025-08-31", "2026-02-28", 6],
    ["2025-08-31", "2026-03-30", 6],
    ["2025-08-31", "2026-03-31", 7],
    ["2026-01-31", "2026-02-28", 1],
    ["2026-01-31", "2026-03-30", 1],
    ["2026-01-31", "2026-03-31", 2],
    // Leap years: 2028-01-31 + 1 month is 2028-02-29.
    ["2028-01-31", "2028-02-28", 0],
    ["2028-01-31", "2028-02-29", 1],
    ["2028-02-29", "2029-02-28", 12],
    // Across a year, and not yet a month.
    ["2025-11-15", "2026-11-14", 11],
    ["2025-11-15", "2026-11-15", 12],
    ["2026-03-03", "2026-03-31", 0],
    // The same day, or an activity dated after today (clock skew): none.
    ["2026-03-03", "2026-03-03", 0],
    ["2026-03-04", "2026-03-03", 0],
    ["2026-04-01", "2026-03-31", 0],
  ])("from %s to %s: %i", (earlier, later, months) => {
    expect(monthsBetween(earlier, later)).toBe(months);
  });
});

describe("monthsSince — from the last activity's local date to today's, in the contact's zone", () => {
  it.each([
    // Kiritimati (UTC+14): the activity is on 1 February there, 31 January in UTC.
    ["Pacific/Kiritimati", "2026-01-31T12:00:00Z", "2026-02-28T09:00:00Z", 0],
    ["UTC", "2026-01-31T12:00:00Z", "2026-02-28T09:00:00Z", 1],
    ["Pacific/Kiritimati", "2026-01-31T12:00:00Z", "2026-02-28T10:00:00Z", 1],
    // Pago Pago (UTC−11): the activity is on 28 February there, 1 March in UTC.
    ["Pacific/Pago_Pago", "2026-03-01T05:00:00Z", "2026-03-28T12:00:00Z", 1],
    ["UTC", "2026-03-01T05:00:00Z", "2026-03-28T12:00:00Z", 0],
    // New York's spring-forward day (2026-03-08): six months reached at its local midnight.
    ["America/New_York", "2025-09-08T04:30:00Z", "2026-03-08T04:59:00Z", 5],
    ["America/New_York", "2025-09-08T04:30:00Z", "2026-03-08T05:00:00Z", 6],
    ["America/New_York", "2025-09-08T04:30:00Z", "2026-03-08T07:30:00Z", 6],
  ])("in %s, last %s, now %s: %i", (zone, last, now, months) => {
    expect(monthsSince(at(last), at(now), zone)).toBe(months);
  });

  it("is null without a last activity", () => {
    expect(monthsSince(null, at("2026-03-08T05:00:00Z"), "UTC")).toBeNull();
  });

  it("property: says n exactly from the instant an n-month stage is reached, n − 1 just before", () => {
    const zones = fc.constantFrom(
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "America/New_York",
      "Australia/Lord_Howe", // a half-hour DST shift
      "Asia/Ho_Chi_Minh",
      "America/Chicago",
    );
    const instant = fc.date({
      min: new Date("2020-01-01"),
      max: new Date("2030-01-01"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, zones, fc.integer({ min: 1, max: 24 }), (last, zone, n) => {
        const reached = stageReachedAt(
          last,
          { key: "k", label: "k", threshold: n, unit: "month" },
          zone,
        );
        expect(monthsSince(last, reached, zone)).toBe(n);
        expect(monthsSince(last, new Date(reached.getTime() - 60_000), zone)).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("monthsSinceWords — with its unit, so the sentence reads for every count", () => {
  it.each([
    [null, "a while"],
    [0, "less than a month"],
    [1, "1 month"],
    [2, "2 months"],
    [14, "14 months"],
  ])("%s → %s", (months, words) => {
    expect(monthsSinceWords(months)).toBe(words);
  });
});

describe("localDateWords — a date in the contact's language and zone", () => {
  it.each([
    // 03:00Z on 3 March is still 2 March in Chicago, already 3 March in Ho Chi Minh City.
    ["2026-03-03T03:00:00Z", "America/Chicago", "en-US", "March 2, 2026"],
    ["2026-03-03T03:00:00Z", "Asia/Ho_Chi_Minh", "en-US", "March 3, 2026"],
    ["2026-03-03T15:00:00Z", "Europe/London", "en-GB", "3 March 2026"],
    ["2026-03-03T15:00:00Z", "America/Chicago", null, "March 3, 2026"],
    // A locale the runtime cannot use is written in en-US, not a failed send.
    ["2026-03-03T15:00:00Z", "America/Chicago", "en_US", "March 3, 2026"],
  ])("%s in %s (%s): %s", (instant, zone, locale, words) => {
    expect(localDateWords(at(instant), zone, locale)).toBe(words);
  });

  it("writes Vietnamese dates the Vietnamese way", () => {
    expect(localDateWords(at("2026-03-03T03:00:00Z"), "Asia/Ho_Chi_Minh", "vi-VN")).toMatch(
      /3 tháng 3.*2026/,
    );
  });
});

describe("lastServiceValues — known, partly known and unknown history", () => {
  const history: ContactHistory = {
    lastActivityAt: at("2026-04-20T15:00:00Z"),
    lastService: "AC tune-up",
    lastServiceAt: at("2026-03-03T15:00:00Z"),
    zone: "America/Chicago",
    locale: "en-US",
    now: at("2026-07-21T15:00:00Z"),
  };

  it("says the service, its date, and the months since the last activity", () => {
    expect(lastServiceValues(history)).toEqual({
      last_service: "AC tune-up",
      last_service_date: "March 3, 2026",
      months_since: "3 months",
    });
  });

  it("without a service: the last visit, dated by the last activity", () => {
    expect(lastServiceValues({ ...history, lastService: null, lastServiceAt: null })).toEqual({
      last_service: "your last visit",
      last_service_date: "April 20, 2026",
      months_since: "3 months",
    });
  });

  it("with nothing known: plain words and an empty date (dropped with its preposition)", () => {
    const none = { ...history, lastActivityAt: null, lastService: null, lastServiceAt: null };
    expect(lastServiceValues(none)).toEqual({
      last_service: "your last visit",
      last_service_date: "",
      months_since: "a while",
    });
    expect(lastServiceValues(undefined)).toEqual(lastServiceValues(none));
  });
});

describe("withoutUnknownDate — no dangling “on .”", () => {
  it.each([
    [
      "We hope you enjoyed {{last_service}} on {{last_service_date}}.",
      "We hope you enjoyed {{last_service}}.",
    ],
    [
      "<p>Your last job was {{last_service}} from {{ last_service_date }}.</p>",
      "<p>Your last job was {{last_service}}.</p>",
    ],
    [
      "Last job:\u00a0{{last_service}} since\u00a0{{last_service_date}}!",
      "Last job:\u00a0{{last_service}}!",
    ],
    ["Once again on {{last_service_date}} and on {{last_service_date}}.", "Once again and."],
  ])("%j → %j", (text, expected) => {
    expect(withoutUnknownDate(text, "")).toBe(expected);
  });

  it("leaves the text alone when the date is known", () => {
    const text = "Thanks for {{last_service}} on {{last_service_date}}.";
    expect(withoutUnknownDate(text, "March 3, 2026")).toBe(text);
  });
});
