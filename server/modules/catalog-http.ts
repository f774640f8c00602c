import { apiError } from "@/server/http/json";
import { mcpToolMetadata } from "@/server/mcp/tools";
import { isModuleCode, unknownModuleMessage, reactivationModuleRecord } from "./catalog";

/** The module's record with its AI/MCP tool metadata (the card's "AI and MCP ready"). */
export function catalogRecord() {
  return {
    ...reactivationModuleRecord(),
    tools: { mcp: { endpoint: "/api/mcp", tools: mcpToolMetadata() } },
  };
}

/**
 * `GET /api/catalog/modules[?code=…]`: every module's record, or the one `code` names (404 with the
 * known codes otherwise). Public: a catalog record holds no workspace's data.
 */
export function answerCatalog(request: Request): Response {
  const code = new URL(request.url).searchParams.get("code");
  if (code === null) return Response.json({ modules: [catalogRecord()] });
  if (!isModuleCode(code)) {
    return apiError(404, "not_found", unknownModuleMessage(code));
  }
  return Response.json(catalogRecord(), { headers: { "cache-control": "public, max-age=60" } });
}
