import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contactInput } from "@/server/contacts/contact-input";
import { pastInstant } from "@/server/lib/bounded";
import { refusalReasons } from "./reasons";

const now = new Date("2026-12-01T00:00:00Z");
const messages = (schema: z.ZodType) => refusalReasons(schema).map((r) => r.message);

describe("refusalReasons", () => {
  it("lists the messages written into a schema and its checks", () => {
    const code = z
      .string()
      .min(3, "is too short")
      .regex(/^[A-Z]+$/, "must be capitals");
    expect(messages(code)).toEqual(["is too short", "must be capitals"]);
    expect(messages(z.email("must be a valid email address"))).toEqual([
      "must be a valid email address",
    ]);
  });

  it("follows a pipe to the checks of its output side, which a request never shows", () => {
    expect(messages(pastInstant(now))).toEqual([
      "must be an ISO-8601 time with zone",
      "must not be before 1970-01-01",
      "is in the future",
    ]);
  });

  it("names the field of a row-level rule, as the endpoint's errors do", () => {
    expect(refusalReasons(contactInput(now))).toEqual([
      { path: ["lastActivityAt"], message: "is required when lastActivityOverride is true" },
    ]);
  });

  it("leaves out zod's own messages and messages made from the value", () => {
    const dynamic = z.string().refine((s) => s !== "x", { error: (issue) => String(issue.input) });
    expect(messages(z.string().max(5))).toEqual([]);
    expect(messages(dynamic)).toEqual([]);
  });
});
