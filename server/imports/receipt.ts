import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { importTargets } from "./fields";

/*
 * An import runs as many calls (one per batch) and is audited once, at its end, with counts the
 * server computed. No table holds a running import: each batch answers with a receipt, the
 * running tally signed with the app's secret, which the page hands back with the next batch and
 * at the end. The page cannot change the counts, nor take a receipt to another workspace, user
 * or kind of import.
 */

const tallySchema = z.object({
  importId: z.uuid(),
  tenantId: z.string(),
  userId: z.string(),
  target: z.enum(importTargets),
  fileName: z.string(),
  startedAt: z.iso.datetime(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  /** The last line counted: a batch must start after it, so no line is counted twice. */
  lastLine: z.number().int(),
});

export type ImportTally = z.infer<typeof tallySchema>;

const PURPOSE = "rekindle/import-receipt/v1";

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}\n${payload}`).digest();
}

export function signReceipt(tally: ImportTally, secret: string): string {
  const payload = Buffer.from(JSON.stringify(tally)).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

/** The tally a receipt carries, or null when it was not signed with `secret` or was altered. */
export function openReceipt(receipt: string, secret: string): ImportTally | null {
  const [payload, signature, extra] = receipt.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = tallySchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
