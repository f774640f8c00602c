import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Db } from "@/db/client";
import { authorizeApiKey, bearerToken } from "@/server/http/api-key-auth";
import { foreignOrigin } from "@/server/http/origin";
import { loadPrincipal } from "./principal";
import { createMcpServer } from "./server";

/** The tools' inputs are a few filters: a larger body is not a call of theirs. */
export const MCP_MAX_BODY_BYTES = 256 * 1024;

/** A JSON-RPC error without a request id (the body was not read), as the MCP transport sends them. */
function jsonRpcError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message }, id: null },
    { status, headers },
  );
}

/**
 * `POST /api/mcp`: one stateless MCP exchange (Streamable HTTP, JSON answers) for the API key of
 * the request, which needs the `mcp:read` scope. A new server and transport per request, so any
 * instance can answer any request and nothing outlives it.
 */
export async function handleMcpRequest(
  db: Db,
  request: Request,
  now: Date,
  baseUrl: string,
): Promise<Response> {
  // MCP asks servers to check Origin (DNS rebinding): clients are programs, which send none; a
  // page of another site could only use a key it holds, but has no business here either.
  const origin = foreignOrigin(request, baseUrl);
  if (origin)
    return jsonRpcError(403, `Requests from another site's page (${origin}) are refused.`);
  const auth = await authorizeApiKey(db, request, "mcp:read", now);
  if (auth instanceof Response) return refusal(request, auth);
  const principal = await loadPrincipal(db, auth);
  if (!principal) return jsonRpcError(401, "This API key is not known.", bearer(request, 401));
  const server = createMcpServer({ ...principal, db, now, baseUrl });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MCP_MAX_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}

/** The integration API's 401 or 403, with its words, as a JSON-RPC error. */
async function refusal(request: Request, answer: Response): Promise<Response> {
  const { error } = (await answer.json()) as { error: { message: string } };
  return jsonRpcError(answer.status, error.message, bearer(request, answer.status));
}

/** RFC 6750's challenge: which token problem, or which scope the key lacks. */
function bearer(request: Request, status: number): HeadersInit {
  const challenge =
    status === 403
      ? 'Bearer error="insufficient_scope", scope="mcp:read"'
      : bearerToken(request)
        ? 'Bearer error="invalid_token"'
        : "Bearer";
  return { "www-authenticate": challenge };
}

/**
 * `GET` and `DELETE /api/mcp`: a stateless server has no session to end and no stream of its own
 * to open; clients read 405 as "none here" and carry on with POST.
 */
export function methodNotAllowed(): Response {
  return jsonRpcError(405, "Method not allowed: this MCP server is stateless; send POST.", {
    allow: "POST",
  });
}
