import type { z } from "zod";
import type { ZodOpenApiOverrideContext } from "zod-openapi";

/**
 * The schema extension that lists why a value is refused, in the words of the `reason` an
 * endpoint answers: the messages its zod checks carry. JSON Schema cannot say "an IANA time
 * zone" or "not in the future", so without these a reader would take the refine-only rules for
 * plain strings.
 */
export const REASONS = "x-reasons";

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
export function refusalReasons(schema: z.core.$ZodType): string[] {
  const def = schema._zod.def;
  const defs: Described[] = [def, ...(def.checks ?? []).map((check) => check._zod.def)];
  const reasons = defs.flatMap((d) => {
    const message = fixedMessage(d);
    if (!message) return [];
    // A row-level rule names its field, as the endpoint's `field` does.
    return d.path?.length ? [`${d.path.join(".")}: ${message}`] : [message];
  });
  // The document shows a pipe's input side, but a value must pass both sides' checks.
  if (def.type === "pipe") {
    const pipe = def as z.core.$ZodPipeDef;
    reasons.push(...refusalReasons(pipe.in), ...refusalReasons(pipe.out));
  }
  return reasons;
}

/** The `override` of `createDocument` that writes `x-reasons` into each request schema. */
export function addRefusalReasons({ jsonSchema, zodSchema, io }: ZodOpenApiOverrideContext) {
  if (io !== "input") return;
  const reasons = refusalReasons(zodSchema);
  if (reasons.length === 0) return;
  // A wrapper (optional, pipe) already holds its inner schema's reasons here: keep each once.
  const known = (jsonSchema[REASONS] as string[] | undefined) ?? [];
  jsonSchema[REASONS] = [...new Set([...known, ...reasons])];
}
