import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGINE_BACKOFF_MINUTES, engineRetryAt } from "./backoff";

const now = new Date("2026-03-08T10:00:00Z");
const after = (failures: number) =>
  (engineRetryAt(failures, now).getTime() - now.getTime()) / 60_000;

describe("engineRetryAt", () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 30],
    [4, 120],
    [5, 360],
    [6, 1440],
    [50, 1440],
  ])("after %i failures in a row waits %i minutes", (failures, minutes) => {
    expect(after(failures)).toBe(minutes);
  });

  it("never waits less after more failures, nor more than a day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), (n) => {
        expect(after(n + 1)).toBeGreaterThanOrEqual(after(n));
        expect(after(n)).toBeLessThanOrEqual(ENGINE_BACKOFF_MINUTES.at(-1)!);
      }),
    );
  });
});
