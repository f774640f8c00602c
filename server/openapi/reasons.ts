import type { z } from "zod";
import type { ZodOpenApiOverrideContext } from "zod-openapi";

/**
 * The schema extension that lists why a value is refused, in the words of the `reason` an
 * endpoint answers: the messages its zod checks carry. JSON Schema cannot say "an IANA time
 * zone" or "not in the future", so without these a reader would take the refine-only rules for
 * plain strings.
 */
export const REASONS = "x-reasons";

/** Why a value is refused, and the field it names (a row's rule on one of its fields). */
export type RefusalReason = { path: string[]; message: string };

/** A schema's or a check's definition: a fixed message, and the field a row-level rule names. */
type Described = { error?: unknown; path?: PropertyKey[] };

/**
 * A message written into the schema (`"must be …"`): zod keeps it as a function of no argument.
 * An error function that reads the issue says something different each time, so it is left out.
 */
function fixedMessage({ error }: Described): string | null {
  if (typeof error !== "function" || error.length > 0) return null;
  const message = (error as () => unknown)();
  return typeof message === "string" ? message : null;
}

/** The reasons one zod schema refuses a value for: its own message and its checks' messages. */
export function refusalReasons(schema: z.core.$ZodType): RefusalReason[] {
  const def = schema._zod.def;
  const defs: Described[] = [def, ...(def.checks ?? []).map((check) => check._zod.def)];
  const reasons = defs.flatMap((d) => {
    const message = fixedMessage(d);
    return message ? [{ path: (d.path ?? []).map(String), message }] : [];
  });
  // The document shows a pipe's input side, but a value must pass both sides' checks.
  if (def.type === "pipe") {
    const pipe = def as z.core.$ZodPipeDef;
    reasons.push(...refusalReasons(pipe.in), ...refusalReasons(pipe.out));
  }
  return reasons;
}

type JsonSchema = ZodOpenApiOverrideContext["jsonSchema"];

/**
 * The property a row-level rule names, made the schema's own (the same property object may be
 * shared with another schema that has no such rule); or the schema itself when it has none.
 */
function ownProperty(schema: JsonSchema, path: string[]): JsonSchema {
  let node = schema;
  for (const key of path) {
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    if (!properties?.[key]) return schema;
    node.properties = { ...properties, [key]: { ...properties[key] } };
    node = (node.properties as Record<string, JsonSchema>)[key]!;
  }
  return node;
}

/**
 * The `override` of `createDocument` that writes `x-reasons` into each request schema; a row's
 * rule about one field (`lastActivityAt` is required when …) goes on that field, where the
 * endpoint's `errors` name it too.
 */
export function addRefusalReasons({ jsonSchema, zodSchema, io }: ZodOpenApiOverrideContext) {
  if (io !== "input") return;
  for (const { path, message } of refusalReasons(zodSchema)) {
    const target = ownProperty(jsonSchema, path);
    // A wrapper (optional, pipe) already holds its inner schema's reasons: keep each once.
    const known = (target[REASONS] as string[] | undefined) ?? [];
    if (!known.includes(message)) target[REASONS] = [...known, message];
  }
}
