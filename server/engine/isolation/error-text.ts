import { z } from "zod";

const MAX_LENGTH = 300;

/**
 * What an engine failure says, fit for the ledger and an owner's eyes: the root cause's message
 * (a query error wraps the database's own, and its SQL and parameters are not for owners; a
 * validation error lists its fields), on one line, without control characters, bounded.
 */
export function errorText(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  const message =
    root instanceof z.ZodError
      ? `invalid stored data: ${z.prettifyError(root)}`
      : root instanceof Error
        ? root.message
        : String(root);
  const line = message.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
