import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { describe, expect, it } from "vitest";
import { permissions } from "@/server/auth/permissions";
import { mcpToolMetadata, missingGrant } from "./tools";

describe("the MCP tools' metadata", () => {
  const tools = mcpToolMetadata();

  it("names six tools once each, with a title and a description", () => {
    expect(tools.map((t) => t.name)).toEqual([
      "reactivation_stats",
      "search_contacts",
      "explain_contact",
      "preview_cadence",
      "list_pending_approvals",
      "review_variant",
    ]);
    for (const t of tools) {
      expect(t.title.length).toBeGreaterThan(3);
      expect(t.description.length).toBeGreaterThan(40);
    }
  });

  it("describes inputs and outputs as draft-07 object schemas that an MCP client compiles", () => {
    // The SDK's client validates `structuredContent` with this validator (Ajv).
    const validator = new AjvJsonSchemaValidator();
    for (const t of tools) {
      for (const schema of [t.inputSchema, t.outputSchema]) {
        expect(schema).toMatchObject({
          $schema: "http://json-schema.org/draft-07/schema#",
          type: "object",
        });
        expect(() => validator.getValidator(schema)).not.toThrow();
      }
    }
  });

  it("names each tool's permission from the app's table, with the roles that have it", () => {
    for (const t of tools) expect(t.roles).toEqual(permissions[t.permission]);
    const of = (name: string) => tools.find((t) => t.name === name)!;
    expect(of("reactivation_stats")).toMatchObject({ permission: "dashboard.read" });
    expect(of("review_variant")).toMatchObject({
      permission: "templates.review",
      scope: "mcp:write",
      roles: ["marketer"],
      readOnly: false,
    });
    expect(tools.filter((t) => t.scope === "mcp:write").map((t) => t.name)).toEqual([
      "review_variant",
    ]);
  });

  it("says what a key lacks: its role's permission first, then the scope", () => {
    const review = tools.find((t) => t.name === "review_variant")!;
    expect(missingGrant({ role: "analyst", scopes: ["mcp:read", "mcp:write"] }, review)).toContain(
      "needs the templates.review permission",
    );
    expect(missingGrant({ role: "marketer", scopes: ["mcp:read"] }, review)).toContain(
      "lacks the mcp:write scope",
    );
    expect(missingGrant({ role: "marketer", scopes: ["mcp:read", "mcp:write"] }, review)).toBe(
      null,
    );
  });
});
