import { z } from "zod";
import type { Role } from "@/db/schema/enums";
import type { ApiKeyScope } from "@/server/api-keys/scopes";
import { can, permissions, type Permission } from "@/server/auth/permissions";
import type { McpScope, McpTool } from "./tool";
import { explainContact } from "./tools/explain-contact";
import { listPendingApprovals } from "./tools/list-pending-approvals";
import { previewCadence } from "./tools/preview-cadence";
import { reactivationStats } from "./tools/reactivation-stats";
import { reviewVariant } from "./tools/review-variant";
import { searchContacts } from "./tools/search-contacts";

/*
 * The MCP server's tools (`/api/mcp`) and their metadata, which the module catalog lists. No
 * `server-only` import here or in the tools: a route or a script may import this.
 */

/** Every tool, in the order a client lists them. */
export const mcpTools: readonly McpTool[] = [
  reactivationStats,
  searchContacts,
  explainContact,
  previewCadence,
  listPendingApprovals,
  reviewVariant,
];

type JsonSchema = Record<string, unknown>;

/** A tool as the catalog and `tools/list` describe it. */
export type McpToolMetadata = {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  /** The shape of the tool's `structuredContent`. */
  outputSchema: JsonSchema;
  /** The app's permission the key's role needs (the same table as the UI's). */
  permission: Permission;
  /** The key scope it needs besides: `mcp:read`, or `mcp:write` for a tool that changes something. */
  scope: McpScope;
  /** The roles that have `permission`. */
  roles: readonly Role[];
  readOnly: boolean;
};

/**
 * JSON Schema draft-07, the dialect MCP clients validate with (the SDK's own server converts zod
 * to it too); instants and dates are strings with a `format`.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return z.toJSONSchema(schema, { io, target: "draft-7" });
}

let metadata: McpToolMetadata[] | undefined;

/** Name, title, description, input and output JSON Schemas, permission and scope of every tool. */
export function mcpToolMetadata(): McpToolMetadata[] {
  metadata ??= mcpTools.map((tool) => ({
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchema(tool.input, "input"),
    outputSchema: jsonSchema(tool.output, "output"),
    permission: tool.permission,
    scope: tool.scope,
    roles: permissions[tool.permission],
    readOnly: tool.scope === "mcp:read",
  }));
  return metadata;
}

/**
 * Why a key may not use a tool, naming what it lacks, or null when it may: its role needs the
 * tool's permission and the key its scope.
 */
export function missingGrant(
  key: { role: Role; scopes: readonly ApiKeyScope[] },
  tool: { name: string; permission: Permission; scope: McpScope },
): string | null {
  if (!can([key.role], tool.permission))
    return `This API key acts as ${key.role}, and ${tool.name} needs the ${tool.permission} permission, which that role does not have.`;
  if (!key.scopes.includes(tool.scope))
    return `This API key lacks the ${tool.scope} scope that ${tool.name} needs. An owner can make a key with it on the API keys page.`;
  return null;
}
