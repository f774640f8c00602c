import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Role, TenantKind } from "@/db/schema/enums";
import type { ApiKeyScope } from "@/server/api-keys/scopes";
import type { Permission } from "@/server/auth/permissions";

/** The scopes of MCP keys: connecting and reading, and changing something. */
export type McpScope = Extract<ApiKeyScope, "mcp:read" | "mcp:write">;

/** Who calls: the API key, its role and scopes, its workspace, and the person who made it. */
export type McpPrincipal = {
  tenant: { id: string; name: string; kind: TenantKind; timeZone: string };
  key: {
    id: string;
    name: string;
    prefix: string;
    role: Role;
    scopes: ApiKeyScope[];
    /** The member who made the key; a change made with it is made on their behalf. */
    createdBy: string | null;
    createdByEmail: string | null;
  };
};

/** What a tool runs with: every query is scoped to `tenant.id`, never to an id from the input. */
export type McpToolContext = McpPrincipal & {
  db: Db;
  now: Date;
  /** The app's public URL (NEXTAUTH_URL): links in messages start with it. */
  baseUrl: string;
};

/** The domain's values as tools return them: a Date where the wire has its ISO string. */
export type Dated<T> = T extends string
  ? T | Date
  : T extends readonly (infer E)[]
    ? Dated<E>[]
    : T extends object
      ? { [K in keyof T]: Dated<T[K]> }
      : T;

type ToolSpec<I extends z.ZodObject, O extends z.ZodObject> = {
  name: string;
  /** For people, in a client's tool list. */
  title: string;
  /** For the model: what the tool answers and when to use it. */
  description: string;
  input: I;
  /** `structuredContent` as the caller receives it; what the domain returns beyond it is dropped. */
  output: O;
  /** The app's permission the key's role needs, from the same table as the UI's procedures. */
  permission: Permission;
  scope: McpScope;
  run: (ctx: McpToolContext, input: z.output<I>) => Promise<Dated<z.input<O>>>;
};

/** A tool as the registry and the server hold it: its input already parsed by `input`. */
export type McpTool = Omit<ToolSpec<z.ZodObject, z.ZodObject>, "run"> & {
  run: (ctx: McpToolContext, input: unknown) => Promise<unknown>;
};

/** A tool with its types checked: `run` receives its parsed input and returns its output's shape. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  spec: ToolSpec<I, O>,
): McpTool {
  return { ...spec, run: (ctx, input) => spec.run(ctx, input as z.output<I>) };
}

/** A refusal the caller can act on ("no such contact"): the tool's error, in these words. */
export class ToolRefusal extends Error {}
