import { env } from "@/server/env";
import { openApiDocument } from "@/server/openapi/document";
import { apiOperations } from "@/server/openapi/registry";

// The document names the server the app runs as (NEXTAUTH_URL at start), not the one it was built as.
export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/openapi.json`: the integration API's OpenAPI 3.1 document. Public, as API docs
 * are: it holds no workspace's data. Any site may load it (an API client, an online viewer).
 */
export function GET() {
  const document = openApiDocument(apiOperations(new Date()), env.NEXTAUTH_URL);
  return Response.json(document, {
    headers: {
      "Cache-Control": "public, max-age=3600",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
