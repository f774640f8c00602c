import { describe, expect, it } from "vitest";
import { z } from "zod";
import { line } from "@/server/lib/bounded";
import { createVariantInput } from "@/server/templates/input";
import { fieldLabel, humanIssues } from "./zod-messages";

function refusal(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return humanIssues(parsed.error);
}

describe("zod issues in words", () => {
  it("names the field and the bound instead of zod's wording", () => {
    const { message, fieldErrors } = refusal(z.object({ name: line(80) }), {
      name: "x".repeat(81),
    });
    expect(message).toBe("Name must be at most 80 characters");
    expect(fieldErrors).toEqual({ name: ["Name must be at most 80 characters"] });
  });

  it("words bounds, missing fields, types, options and formats", () => {
    const schema = z.object({
      pageSize: z.number().int().min(1).max(100),
      title: z.string().min(1),
      tags: z.array(z.string()).max(2),
      channel: z.enum(["email", "sms"]),
      contactId: z.uuid(),
    });
    const { fieldErrors } = refusal(schema, {
      pageSize: 1000,
      title: "",
      tags: ["a", "b", "c"],
      channel: "fax",
      contactId: "nope",
    });
    expect(fieldErrors).toEqual({
      pageSize: ["Page size must be at most 100"],
      title: ["Title is required"],
      tags: ["Tags must be at most 2 items"],
      channel: ["Channel must be one of email, sms"],
      contactId: ["Contact must be a valid id"],
    });
    expect(refusal(schema, {}).fieldErrors.title).toEqual(["Title is required"]);
    expect(refusal(schema.shape.pageSize, "ten").message).toBe("The input must be a number");
  });

  it("keeps a schema's own message, with the field's name in front of a predicate", () => {
    const variant = refusal(createVariantInput, {
      stage: "six_months",
      channel: "web_push",
      ctaKind: "Book Now",
      content: { channel: "web_push", title: "", body: "Hi\u0000" },
    });
    expect(variant.fieldErrors).toEqual({
      ctaKind: ["CTA kind must be lower_snake_case, e.g. explore_new"],
      "content.title": ["Title is required"],
      "content.body": ["Body must not contain control characters such as NUL"],
    });
    // A whole sentence stays as written.
    const keyName = z.object({ name: line(100).min(1, "Give the key a name") });
    expect(refusal(keyName, { name: "" }).message).toBe("Give the key a name");
  });

  it("never shows zod's own wording", () => {
    const { message } = refusal(createVariantInput, {
      stage: "x".repeat(41),
      channel: "fax",
      ctaKind: 3,
      content: { channel: "web_push", title: "t".repeat(81), body: "b" },
    });
    expect(message).not.toMatch(/Too big|Too small|Invalid input|expected/);
    expect(message).toContain("Title must be at most 80 characters");
    expect(message).toContain("Stage must be at most 40 characters");
  });

  it("labels a path by its last named key", () => {
    expect(fieldLabel(["exerciseIds", 3])).toBe("Exercises");
    expect(fieldLabel(["lastActivityAt"])).toBe("Last activity at");
    expect(fieldLabel([])).toBe("The input");
  });
});
