import { getDb } from "@/db/runtime";
import { env } from "@/server/env";
import { handleMcpRequest, methodNotAllowed } from "@/server/mcp/http";

/**
 * The MCP server (Streamable HTTP, stateless): tools over the workspace of the bearer API key,
 * those its role may use (`server/mcp/tools.ts`).
 */
export async function POST(request: Request) {
  return handleMcpRequest(await getDb(), request, new Date(), env.NEXTAUTH_URL);
}

export const GET = methodNotAllowed;
export const DELETE = methodNotAllowed;
