import { describe, expect, it } from "vitest";
import { fieldRows, type JsonSchema } from "./schema-fields";

const components: Record<string, JsonSchema> = {
  RowError: {
    type: "object",
    properties: { index: { type: "integer", minimum: 0, maximum: 999 } },
    required: ["index"],
  },
};
const resolve = (ref: string) => components[ref.replace("#/components/schemas/", "")]!;

describe("fieldRows", () => {
  it("reads an envelope of rows: the array, then each row's fields under it", () => {
    const rows = fieldRows(
      {
        type: "object",
        properties: {
          contacts: {
            type: "array",
            minItems: 1,
            maxItems: 1000,
            items: {
              type: "object",
              additionalProperties: false,
              properties: {
                externalId: {
                  type: "string",
                  minLength: 1,
                  maxLength: 200,
                  pattern: "^[^\\p{Cc}]*$",
                  description: "Your id.",
                  "x-reasons": ["must not contain control characters"],
                },
                email: {
                  anyOf: [
                    { type: "string", format: "email", "x-reasons": ["must be an email"] },
                    { type: "null" },
                  ],
                },
                tags: {
                  type: "array",
                  maxItems: 50,
                  items: { type: "string", maxLength: 100, "x-reasons": ["must be one line"] },
                },
                channels: {
                  type: "object",
                  propertyNames: { type: "string", enum: ["email", "sms"] },
                  additionalProperties: { type: "string", enum: ["subscribed", "unreachable"] },
                },
              },
              required: ["externalId"],
            },
          },
        },
        required: ["contacts"],
      },
      resolve,
    );
    expect(rows.map((r) => [r.parent + r.name, r.type, r.required])).toEqual([
      ["contacts", "array of object", true],
      ["contacts[].externalId", "string", true],
      ["contacts[].email", "string | null", false],
      ["contacts[].tags", "array of string", false],
      ["contacts[].channels", "object", false],
    ]);
    expect(rows[3]).toMatchObject({
      constraints: ["at most 50 items", "each: at most 100 characters"],
      reasons: ["must be one line"],
    });
    expect(rows[0]!.constraints).toEqual(["only the fields below", "1–1,000 items"]);
    expect(rows[1]).toMatchObject({
      // The pattern is said in words by its reason.
      constraints: ["1–200 characters"],
      reasons: ["must not contain control characters"],
      description: "Your id.",
    });
    expect(rows[2]).toMatchObject({
      constraints: ["format: email"],
      reasons: ["must be an email"],
    });
    expect(rows[4]!.constraints).toEqual([
      'keys: "email", "sms"',
      'values: "subscribed", "unreachable"',
    ]);
  });

  it("follows $refs to shared components", () => {
    const rows = fieldRows(
      {
        type: "object",
        properties: { errors: { type: "array", items: { $ref: "#/components/schemas/RowError" } } },
      },
      resolve,
    );
    expect(rows.map((r) => [r.parent + r.name, r.type, r.constraints])).toEqual([
      ["errors", "array of object", []],
      ["errors[].index", "integer", ["0 to 999"]],
    ]);
  });
});
