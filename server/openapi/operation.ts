import type { z } from "zod";
import type { ApiKeyScope } from "@/server/api-keys/scopes";
import type { ErrorStatus } from "./errors";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * One operation of the API, as the OpenAPI document and the docs page show it: one entry of the
 * registry (`registry.ts`). Schemas are the ones the endpoint validates with, so the document
 * cannot say something the endpoint does not check.
 */
export type ApiOperation = {
  method: HttpMethod;
  /** From the app's origin, e.g. `/api/v1/contacts`. */
  path: `/api/${string}`;
  /** Unique across the document; the docs page's anchor. */
  operationId: string;
  summary: string;
  /** CommonMark as the docs page renders it: paragraphs and `code`. */
  description: string;
  /** The scope an API key needs for it; null for an operation that takes no key. */
  scope: ApiKeyScope | null;
  /** Query parameters: the object schema that checks them, and a valid example. */
  query?: { schema: z.ZodObject; example: Record<string, string> };
  /** A JSON body: the schema that checks it (as received), and a valid example. */
  body?: { description: string; schema: z.ZodType; example: unknown; maxBytes?: number };
  /** The answer when it succeeds. */
  success: {
    status: 200 | 201;
    description: string;
    schema: z.ZodType;
    examples: { summary: string; value: unknown }[];
  };
  /** The error answers it gives, each with what it means for this operation. */
  errors: Partial<Record<ErrorStatus, string>>;
};
