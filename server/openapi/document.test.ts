import { compileErrors, validate } from "@readme/openapi-parser";
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { activityRows, contactsBatch, pushSubscriptionsBatch } from "@/server/http/endpoints";
import { exercisesBatch } from "@/server/imports/exercises-endpoint";
import { validateRows } from "@/server/lib/batch";
import { openApiDocument } from "./document";
import { apiOperations } from "./registry";

const now = new Date("2026-12-01T00:00:00Z");
const document = openApiDocument(apiOperations(now), "https://rekindle.example/");

// The rows each endpoint validates with, by the path the document gives it.
const endpoints = {
  "/api/v1/contacts": contactsBatch,
  "/api/v1/activity": activityRows,
  "/api/v1/exercises": exercisesBatch,
  "/api/v1/push-subscriptions": pushSubscriptionsBatch,
};
type Path = keyof typeof endpoints;
type MediaType = { example?: unknown };
type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  "x-reasons"?: string[];
};

/*
 * Rows the endpoint refuses for a rule JSON Schema can say, and the fields it names. (Rules only
 * a refine can check — an IANA zone, an instant in the future, a private push host — are in the
 * schema's `x-reasons` instead; the document's own refused examples have some.)
 */
const badRows: Record<Path, { row: unknown; fields: string[] }[]> = {
  "/api/v1/contacts": [
    { row: { name: "No id" }, fields: ["externalId"] },
    { row: { externalId: "c1", email: "not-an-email" }, fields: ["email"] },
    { row: { externalId: "c1", phone: "0123" }, fields: ["phone"] },
    { row: { externalId: "c1", nickname: "Mo" }, fields: ["nickname"] },
    { row: { externalId: "c1", name: "" }, fields: ["name"] },
    { row: { externalId: "c1", tags: ["a\u0000b"] }, fields: ["tags.0"] },
    { row: { externalId: "c1", lastActivityAt: "2026-11-20" }, fields: ["lastActivityAt"] },
    { row: { externalId: "c1", channels: { email: "maybe" } }, fields: ["channels.email"] },
    { row: { externalId: "c1", lastActivityOverride: "yes" }, fields: ["lastActivityOverride"] },
  ],
  "/api/v1/activity": [
    {
      row: { externalId: "e1", contactExternalId: "c1", kind: "nap", occurredAt: "yesterday" },
      fields: ["kind", "occurredAt"],
    },
    {
      row: {
        externalId: "e1",
        contactExternalId: "c1",
        kind: "purchase",
        occurredAt: "2026-11-20T10:00:00Z",
        revenueMinor: 12.5,
        currency: "usd",
      },
      fields: ["revenueMinor", "currency"],
    },
    {
      row: { externalId: "e1", kind: "visit", occurredAt: "2026-11-20T10:00:00Z" },
      fields: ["contactExternalId"],
    },
  ],
  "/api/v1/exercises": [
    {
      row: { externalId: "x1", title: "Travel", program: "ielts", skill: "listening" },
      fields: ["publishedAt"],
    },
    {
      row: {
        externalId: "x1",
        title: "T".repeat(301),
        program: "ielts",
        skill: "listening",
        publishedAt: "2026-11-20T10:00:00Z",
      },
      fields: ["title"],
    },
  ],
  "/api/v1/push-subscriptions": [
    {
      row: {
        externalId: "c1",
        subscription: {
          endpoint: "https://push.example.com/1",
          keys: { p256dh: "short", auth: "x" },
        },
      },
      fields: ["subscription.keys.p256dh", "subscription.keys.auth"],
    },
    { row: { externalId: "c1" }, fields: ["subscription"] },
  ],
};

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ ...document, $id: "openapi.json" });
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("/", "~1")).join("/");
const operation = (path: string) => document.paths![path]!.post!;
const bodySchema = (path: string) =>
  ajv.getSchema(
    `openapi.json#/${pointer("paths", path, "post", "requestBody", "content", "application/json", "schema")}`,
  )!;
const answerSchema = (path: string) =>
  ajv.getSchema(
    `openapi.json#/${pointer("paths", path, "post", "responses", "200", "content", "application/json", "schema")}`,
  )!;

/** The row fields a JSON Schema validation of `{ key: [row] }` refuses, named as the API names them. */
function refusedFields(errors: ErrorObject[]): string[] {
  const fields = errors.map((e) => {
    const path = e.instancePath.split("/").slice(3); // "", key, row index
    if (e.keyword === "required") path.push(e.params.missingProperty as string);
    if (e.keyword === "additionalProperties") path.push(e.params.additionalProperty as string);
    return path.join(".");
  });
  return [...new Set(fields)].sort();
}

describe("the integration API's OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("documents every batch endpoint with its scope, bearer auth and the app's URL", () => {
    expect(Object.keys(document.paths!).sort()).toEqual(
      [...Object.keys(endpoints), "/api/catalog/modules", "/api/tenants/activate-module"].sort(),
    );
    expect(document.servers).toEqual([{ url: "https://rekindle.example" }]);
    for (const [path, spec] of Object.entries(endpoints)) {
      const op = operation(path);
      expect(op["x-required-scope"]).toBe(spec.scope);
      expect(op.security).toEqual([{ apiKey: [spec.scope] }]);
      expect(op.description).toContain(`\`${spec.scope}\` scope`);
      expect(Object.keys(op.responses!).sort()).toEqual([
        "200",
        "400",
        "401",
        "403",
        "413",
        "415",
        "429",
        "500",
      ]);
      expect(op.responses!["429"].headers).toHaveProperty("Retry-After");
    }
  });

  it("documents the catalog (public) and activation (owner key with `activation`)", () => {
    const catalog = document.paths!["/api/catalog/modules"]!.get!;
    expect(catalog.security).toEqual([]);
    expect(Object.keys(catalog.responses!)).toContain("404");
    const activate = operation("/api/tenants/activate-module");
    expect(activate["x-required-scope"]).toBe("activation");
    expect(Object.keys(activate.responses!).sort()).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409", "429"]),
    );
  });

  it("says in x-reasons why a value is refused, where JSON Schema cannot", () => {
    const { content } = operation("/api/v1/contacts").requestBody as {
      content: Record<string, { schema: JsonSchema }>;
    };
    const row = content["application/json"]!.schema.properties!.contacts!.items!;
    const reasons = (field: string) => row.properties![field]!["x-reasons"];
    expect(reasons("lastActivityAt")).toEqual([
      "must be an ISO-8601 time with zone",
      "must not be before 1970-01-01",
      "is in the future",
      "is required when lastActivityOverride is true",
    ]);
    expect(row.properties!.timeZone!.anyOf![0]!["x-reasons"]).toEqual([
      "must be an IANA time zone such as Asia/Ho_Chi_Minh",
    ]);
    expect(row.properties!.lastActivityOverride!["x-reasons"]).toBeUndefined();
  });

  describe.each(Object.entries(endpoints))("%s", (path, spec) => {
    const schema = spec.schema(now);
    const validateBody = bodySchema(path);
    const { content } = operation(path).requestBody as { content: Record<string, MediaType> };
    const example = content["application/json"]!.example as Record<string, unknown[]>;

    it("has an example request that the endpoint and the document both accept", () => {
      expect(Object.keys(example)).toEqual([spec.key]);
      expect(validateRows(example[spec.key]!, schema).errors).toEqual([]);
      expect(validateBody(example), JSON.stringify(validateBody.errors)).toBe(true);
    });

    it("refuses a body the envelope check refuses: no rows, too many rows", () => {
      expect(validateBody({ [spec.key]: [] })).toBe(false);
      expect(validateBody({})).toBe(false);
      const one = example[spec.key]![0];
      expect(validateBody({ [spec.key]: Array.from({ length: 1_001 }, () => one) })).toBe(false);
    });

    it.each(badRows[path as Path])("refuses $fields as the endpoint does", ({ row, fields }) => {
      const endpoint = validateRows([row], schema).errors.map((e) => e.field);
      expect([...new Set(endpoint)].sort()).toEqual([...fields].sort());
      expect(validateBody({ [spec.key]: [row] })).toBe(false);
      expect(refusedFields(validateBody.errors!)).toEqual([...fields].sort());
    });

    it("answers in the documented shape, with the endpoint's own reasons in its examples", () => {
      const { examples } = operation(path).responses!["200"].content["application/json"];
      const validateAnswer = answerSchema(path);
      for (const { value } of Object.values(examples as Record<string, { value: unknown }>)) {
        expect(validateAnswer(value), JSON.stringify(validateAnswer.errors)).toBe(true);
      }
      const refused = Object.values(
        examples as Record<string, { value: { errors: unknown[] } }>,
      )[1]!;
      expect(refused.value.errors.length).toBeGreaterThan(0);
    });
  });
});
