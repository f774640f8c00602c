import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  addLocalMonths,
  atWallClock,
  daysBetween,
  localDate,
  localMidnight,
  minutesOfDay,
} from "./time";

describe("localDate: the calendar date on the contact's wall clock", () => {
  it.each([
    ["2026-01-01T16:59:00Z", "Asia/Ho_Chi_Minh", "2026-01-01"],
    ["2026-01-01T17:00:00Z", "Asia/Ho_Chi_Minh", "2026-01-02"],
    ["2026-01-01T09:59:59Z", "Pacific/Kiritimati", "2026-01-01"], // UTC+14
    ["2026-01-01T10:00:00Z", "Pacific/Kiritimati", "2026-01-02"],
    ["2026-01-01T10:59:00Z", "Pacific/Pago_Pago", "2025-12-31"], // UTC−11
    ["2026-01-01T11:00:00Z", "Pacific/Pago_Pago", "2026-01-01"],
  ])("%s in %s is %s", (instant, zone, date) => {
    expect(localDate(new Date(instant), zone)).toBe(date);
  });
});

describe("calendar arithmetic", () => {
  // SPEC §1.1: "6 months after 2026-03-31 is 2026-09-30".
  it.each([
    ["2026-03-31", 6, "2026-09-30"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-15", 12, "2027-08-15"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addLocalMonths(date, months)).toBe(expected);
  });

  it.each([
    ["2026-03-07", 2, "2026-03-09"], // across the US spring-forward: still whole days
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addLocalDays(date, days)).toBe(expected);
  });

  it("adds and counts days consistently", () => {
    const date = fc.date({
      min: new Date("2000-01-01"),
      max: new Date("2100-01-01"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(date, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        const start = d.toISOString().slice(0, 10);
        expect(daysBetween(start, addLocalDays(start, n))).toBe(n);
      }),
    );
  });
});

describe("atWallClock: a wall-clock time on a local date", () => {
  it.each([
    ["2026-01-03", "08:00", "Asia/Ho_Chi_Minh", "2026-01-03T01:00:00.000Z"],
    ["2026-01-03", "00:00", "Pacific/Kiritimati", "2026-01-02T10:00:00.000Z"],
    ["2026-01-03", "00:00", "Pacific/Pago_Pago", "2026-01-03T11:00:00.000Z"],
    // On a DST day 08:00 is 08:00 on the clock (SPEC §1.1).
    ["2026-03-08", "08:00", "America/New_York", "2026-03-08T12:00:00.000Z"],
    ["2026-11-01", "08:00", "America/New_York", "2026-11-01T13:00:00.000Z"],
    ["2026-04-05", "08:00", "Australia/Sydney", "2026-04-04T22:00:00.000Z"],
    // A time inside a spring-forward gap: the first instant after the gap.
    ["2026-03-08", "02:30", "America/New_York", "2026-03-08T07:00:00.000Z"],
    ["2026-09-06", "00:00", "America/Santiago", "2026-09-06T04:00:00.000Z"],
    ["2026-10-04", "02:15", "Australia/Sydney", "2026-10-03T16:00:00.000Z"],
  ])("%s %s in %s is %s", (date, time, zone, expected) => {
    expect(atWallClock(date, time, zone).toISOString()).toBe(expected);
  });

  it("lands on the wanted date and, outside gaps, on the wanted minute", () => {
    const zones = fc.constantFrom(
      "America/New_York",
      "America/Santiago",
      "Europe/London",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "Pacific/Chatham",
    );
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addLocalDays("2026-01-01", n));
    const minute = fc.integer({ min: 0, max: 1439 });
    fc.assert(
      fc.property(zones, day, minute, (zone, date, m) => {
        const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const at = atWallClock(date, time, zone);
        expect(localDate(at, zone)).toBe(date);
        const got = minutesOfDay(at, zone);
        // Either exactly the wanted minute, or just after a gap that swallowed it.
        expect(got === m || (got > m && got - m <= 60)).toBe(true);
        if (got !== m) {
          // The minute before is still before the wanted wall-clock time: no earlier instant fits.
          const before = new Date(at.getTime() - 60_000);
          const earlier = localDate(before, zone) < date || minutesOfDay(before, zone) < m;
          expect(earlier).toBe(true);
        }
      }),
    );
  });

  it("local midnight starts the local date", () => {
    expect(localMidnight("2026-01-03", "Asia/Ho_Chi_Minh").toISOString()).toBe(
      "2026-01-02T17:00:00.000Z",
    );
  });
});
