import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { sessionActor } from "@/server/audit/actor";
import { env } from "@/server/env";
import {
  IMPORT_BATCH_ROWS,
  importFields,
  importTargets,
  MAX_CELL_CHARS,
} from "@/server/imports/fields";
import {
  importWithTally,
  openTally,
  startImport,
  type Importer,
} from "@/server/imports/import-session";
import { recordImport } from "@/server/imports/record-import";
import { line } from "@/server/lib/bounded";
import { permissionProcedure, router } from "../trpc";

const importer = permissionProcedure("contacts.write");

const fieldKeys = [
  ...new Set(Object.values(importFields).flatMap((fields) => fields.map((f) => f.key))),
] as [string, ...string[]];

/** One CSV row as the page sends it; the row's own checks are the API schema's, per row. */
const rowInput = z.object({
  line: z.number().int().min(2),
  values: z.partialRecord(z.enum(fieldKeys), z.string().max(MAX_CELL_CHARS)),
  problem: z.object({ field: z.string().max(1_000), reason: z.string().max(1_000) }).optional(),
});

const receiptInput = z.string().min(1).max(4_000);

function tallyOf(receipt: string, who: Importer) {
  const tally = openTally(receipt, who, env.NEXTAUTH_SECRET);
  if (!tally)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "This import's receipt is not valid for you in this workspace. Start the import again.",
    });
  return tally;
}

export const importsRouter = router({
  /** A new import of a file: the receipt its batches and its end carry. */
  start: importer
    .input(z.object({ target: z.enum(importTargets), fileName: line(255).min(1) }))
    .mutation(({ ctx, input }) =>
      startImport(
        { tenantId: ctx.tenant.id, userId: ctx.userId },
        input,
        env.NEXTAUTH_SECRET,
        new Date(),
      ),
    ),
  /** Checks and stores up to 1,000 rows; answers with each rejected row's line and reasons. */
  batch: importer
    .input(
      z.object({
        receipt: receiptInput,
        rows: z.array(rowInput).min(1).max(IMPORT_BATCH_ROWS),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const tally = tallyOf(input.receipt, { tenantId: ctx.tenant.id, userId: ctx.userId });
      const answer = await importWithTally(
        ctx.db,
        tally,
        input.rows,
        env.NEXTAUTH_SECRET,
        new Date(),
      );
      if (!answer)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Rows must follow line ${tally.lastLine}, the last line this import counted.`,
        });
      return answer;
    }),
  /** Ends the import: its one audit entry, with the counts of its receipt. */
  finish: importer
    .input(
      z.object({
        receipt: receiptInput,
        status: z.enum(["completed", "canceled", "failed"]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const tally = tallyOf(input.receipt, { tenantId: ctx.tenant.id, userId: ctx.userId });
      const { recorded } = await recordImport(ctx.db, {
        tally,
        status: input.status,
        actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        now: new Date(),
      });
      const { rows, created, updated, rejected } = tally;
      return { recorded, rows, created, updated, rejected };
    }),
});
