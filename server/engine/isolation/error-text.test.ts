import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorText } from "./error-text";

describe("errorText", () => {
  it("gives the root cause, not the wrapping query with its parameters", () => {
    const root = new Error('time zone displacement out of range: "+010000-01-02"');
    const wrapped = new Error("Failed query: update contacts … params: [secret rows]", {
      cause: root,
    });
    expect(errorText(wrapped)).toBe('time zone displacement out of range: "+010000-01-02"');
  });

  it("names the fields of stored data that no longer validates", () => {
    const result = z.object({ cadence: z.object({}) }).safeParse({ cadence: "every day" });
    expect(errorText(result.error)).toMatch(/^invalid stored data: .*cadence/);
  });

  it("keeps to one bounded line without control characters", () => {
    const text = errorText(new Error(`a\u0000b\nc ${"x".repeat(1_000)}`));
    expect(text).toMatch(/^a b c x+…$/);
    expect(text).toHaveLength(300);
  });

  it("reads what is not an Error", () => {
    expect(errorText("boom")).toBe("boom");
  });
});
