import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "@/server/openapi/document";
import type { ApiOperation } from "@/server/openapi/operation";
import { apiOperations } from "@/server/openapi/registry";
import { readDocument } from "./read-document";
import { fieldRows } from "./schema-fields";

const document = openApiDocument(
  apiOperations(new Date("2026-12-01T00:00:00Z")),
  "https://rekindle.example",
);

describe("readDocument", () => {
  const view = readDocument(document);
  const contacts = view.operations.find((op) => op.path === "/api/v1/contacts")!;

  it("lists the document's operations in its order, with their scopes", () => {
    expect(view.serverUrl).toBe("https://rekindle.example");
    expect(view.auth).toContain("Authorization: Bearer rk_");
    expect(view.operations.map((op) => [op.method, op.path, op.scope])).toEqual([
      ["POST", "/api/v1/contacts", "contacts"],
      ["POST", "/api/v1/activity", "activity"],
      ["POST", "/api/v1/exercises", "exercises"],
      ["POST", "/api/v1/push-subscriptions", "push_subscriptions"],
      ["GET", "/api/catalog/modules", null],
      ["POST", "/api/tenants/activate-module", "activation"],
    ]);
  });

  it("reads a request's rows into field rows, with the endpoint's reasons", () => {
    const rows = fieldRows(contacts.body!.schema, view.resolve);
    const field = (name: string) => rows.find((r) => r.parent + r.name === name)!;
    expect(field("contacts")).toMatchObject({ type: "array of object", required: true });
    expect(field("contacts[].externalId")).toMatchObject({
      type: "string",
      required: true,
      constraints: ["1–200 characters"],
    });
    expect(field("contacts[].timeZone")).toMatchObject({
      type: "string | null",
      required: false,
      reasons: ["must be an IANA time zone such as Asia/Ho_Chi_Minh"],
    });
    expect(field("contacts[].timeZone").description).toContain("quiet hours");
  });

  it("reads the answer through its shared components, and each error's code and headers", () => {
    const rows = fieldRows(contacts.success!.schema, view.resolve);
    expect(rows.map((r) => r.parent + r.name)).toEqual([
      "created",
      "updated",
      "errors",
      "errors[].index",
      "errors[].field",
      "errors[].reason",
    ]);
    expect(contacts.success!.examples).toHaveLength(2);
    expect(contacts.errors.map((e) => [e.status, e.code])).toEqual([
      ["400", "bad_request"],
      ["401", "unauthorized"],
      ["403", "forbidden"],
      ["413", "payload_too_large"],
      ["415", "unsupported_media_type"],
      ["429", "rate_limited"],
      ["500", "internal"],
    ]);
    expect(contacts.errors.find((e) => e.status === "429")!.headers[0]![0]).toBe("Retry-After");
  });
});

describe("readDocument of a keyless GET with query parameters", () => {
  // The shape of an entry such as the module catalog's: no body, no key, a query.
  const catalog: ApiOperation = {
    method: "get",
    path: "/api/catalog/modules",
    operationId: "listModules",
    summary: "The module catalog",
    description: "Every module, or one.",
    scope: null,
    query: {
      schema: z.object({
        code: z.string().min(1).optional().meta({ description: "One module's code." }),
      }),
      example: { code: "dormant_customer_reactivation" },
    },
    success: {
      status: 200,
      description: "The modules.",
      schema: z.object({ modules: z.array(z.object({ code: z.string() })) }),
      examples: [{ summary: "One module", value: { modules: [{ code: "x" }] } }],
    },
    errors: { 404: "No module has this code.", 429: "Rate limited." },
  };
  const document = openApiDocument([catalog], "https://rekindle.example");

  it("is valid OpenAPI 3.1, open to anyone, with the example on its parameter", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    const op = document.paths!["/api/catalog/modules"]!.get!;
    expect(op.security).toEqual([]);
    expect(op).not.toHaveProperty("x-required-scope");
    expect(op.parameters).toEqual([
      expect.objectContaining({
        in: "query",
        name: "code",
        example: "dormant_customer_reactivation",
      }),
    ]);
  });

  it("reads the query as a field table and its example", () => {
    const [op] = readDocument(document).operations;
    expect(op).toMatchObject({ method: "GET", scope: null, body: null });
    expect(op!.query!.example).toEqual({ code: "dormant_customer_reactivation" });
    const [code] = fieldRows(op!.query!.schema, () => ({}));
    expect(code).toMatchObject({
      name: "code",
      type: "string",
      required: false,
      constraints: ["at least 1 character"],
      description: "One module's code.",
    });
    expect(op!.errors.map((e) => [e.status, e.code])).toEqual([
      ["404", "not_found"],
      ["429", "rate_limited"],
    ]);
  });
});
