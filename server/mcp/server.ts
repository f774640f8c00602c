import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from "@modelcontextprotocol/sdk/types.js";
import { ZodError } from "zod";
import { humanIssues } from "@/server/api/zod-messages";
import { ReviewRefused } from "@/server/templates/review-rules";
import { ContentInvalid, NotFound } from "@/server/templates/workflow";
import { ToolRefusal, type McpTool, type McpToolContext } from "./tool";
import { mcpToolMetadata, mcpTools, missingGrant } from "./tools";

/** Refusals whose words help the caller; any other error is ours and is not shown. */
const refusals = [ToolRefusal, ReviewRefused, ContentInvalid, NotFound];

function toolError(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/**
 * The MCP server of one request, for one API key. The low-level server rather than `McpServer`:
 * a tool the key's role may not use is left out of `tools/list`, yet calling it answers which
 * permission is missing (`McpServer` can only hide a tool and answer "disabled").
 */
export function createMcpServer(ctx: McpToolContext): Server {
  const server = new Server(
    { name: "rekindle", title: "Rekindle", version: "1.0.0" },
    {
      capabilities: { tools: {} },
      instructions:
        `Rekindle's reactivation engine for the workspace "${ctx.tenant.name}" ` +
        `(zone ${ctx.tenant.timeZone}), with an API key acting as ${ctx.key.role}. ` +
        "Money is in minor units (cents) per currency.",
    },
  );
  const metadata = new Map(mcpToolMetadata().map((m) => [m.name, m]));

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: mcpTools
      .filter((tool) => missingGrant(ctx.key, tool) === null)
      .map((tool) => {
        const m = metadata.get(tool.name)!;
        return {
          name: m.name,
          title: m.title,
          description: m.description,
          inputSchema: m.inputSchema as { type: "object" },
          outputSchema: m.outputSchema as { type: "object" },
          annotations: { readOnlyHint: m.readOnly, openWorldHint: false },
        };
      }),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = mcpTools.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}.`);
    const missing = missingGrant(ctx.key, tool);
    if (missing) return toolError(missing);
    const args = tool.input.safeParse(request.params.arguments ?? {});
    if (!args.success) return toolError(humanIssues(args.error).message);
    return callTool(tool, ctx, args.data);
  });

  return server;
}

/** Runs the tool; its answer as `structuredContent` in the output's shape, and as JSON text. */
async function callTool(tool: McpTool, ctx: McpToolContext, args: unknown) {
  let result: unknown;
  try {
    // JSON turns the domain's Dates into the ISO strings the output schema describes.
    result = JSON.parse(JSON.stringify(await tool.run(ctx, args)));
  } catch (error) {
    if (refusals.some((kind) => error instanceof kind)) return toolError((error as Error).message);
    // The domain's own checks of the input (a range that ends before it starts).
    if (error instanceof ZodError) return toolError(humanIssues(error).message);
    return ourFault(tool, error);
  }
  const structured = tool.output.safeParse(result);
  if (!structured.success) return ourFault(tool, structured.error);
  const content = structured.data;
  return {
    content: [{ type: "text" as const, text: JSON.stringify(content) }],
    structuredContent: content,
  };
}

function ourFault(tool: McpTool, error: unknown): CallToolResult {
  console.error(`[rekindle] MCP tool ${tool.name} failed`, error);
  return toolError("Something went wrong on our side. Try again.");
}
