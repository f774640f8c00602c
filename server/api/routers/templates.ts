import "server-only";
import type { Session } from "next-auth";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@/db/client";
import { channel, type Role, type TenantKind } from "@/db/schema/enums";
import { checkPlaceholders } from "@/server/content/placeholders";
import { previewMessage } from "@/server/content/preview";
import { recommends } from "@/server/content/recommend";
import { variantContent } from "@/server/content/variant-content";
import { env } from "@/server/env";
import { getTenantSettings } from "@/server/settings/get";
import { line } from "@/server/lib/bounded";
import { linkLength } from "@/server/links/link-id";
import {
  createVariantInput,
  ctaKind,
  pinsInput,
  reviewInput,
  saveDraftInput,
  stageKey,
} from "@/server/templates/input";
import { ReviewRefused } from "@/server/templates/review-rules";
import {
  checkSmsLength,
  ContentInvalid,
  createVariant,
  findExercises,
  NotFound,
  reviewRevision,
  saveDraft,
  setPins,
  templateGrid,
  variantDetail,
} from "@/server/templates/workflow";
import { sessionActor } from "@/server/audit/actor";
import { permissionProcedure, router } from "../trpc";

/** Domain refusals become clear client errors; anything else stays an internal error. */
async function refusalsAsErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ContentInvalid || error instanceof ReviewRefused)
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    if (error instanceof NotFound)
      throw new TRPCError({ code: "NOT_FOUND", message: error.message });
    throw error;
  }
}

/** Who acts, in which workspace, under which settings (self-approval), with what links. */
async function actorOf(ctx: {
  db: Db;
  session: Session | null;
  userId: string;
  tenant: { id: string; kind: TenantKind; roles: Role[] };
}) {
  const settings = await getTenantSettings(ctx.db, ctx.tenant);
  return {
    tenantId: ctx.tenant.id,
    userId: ctx.userId,
    settings,
    linkLength: linkLength(env.NEXTAUTH_URL),
    audit: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
  };
}

const read = permissionProcedure("templates.read");
const write = permissionProcedure("templates.write");
const reviewer = permissionProcedure("templates.review");

export const templatesRouter = router({
  /** The stage × channel grid with each variant's latest and approved revision. */
  grid: read.query(async ({ ctx }) =>
    templateGrid(ctx.db, ctx.tenant.id, await getTenantSettings(ctx.db, ctx.tenant)),
  ),
  /** A variant with its whole revision history and pinned exercises. */
  variant: read.input(z.object({ templateId: z.uuid() })).query(async ({ ctx, input }) => {
    const detail = await refusalsAsErrors(() =>
      variantDetail(ctx.db, ctx.tenant.id, input.templateId),
    );
    const settings = await getTenantSettings(ctx.db, ctx.tenant);
    // What the editor needs to offer only the actions the server will accept.
    const viewer = { userId: ctx.userId, allowSelfApproval: settings.allowSelfApproval };
    // Pins matter only where recommendations are made: learning apps, from `week` on.
    const pinnable = ctx.tenant.kind === "self_study" && recommends(detail.template.stage);
    return { ...detail, viewer, pinnable };
  }),
  create: write.input(createVariantInput).mutation(async ({ ctx, input }) => {
    const actor = await actorOf(ctx);
    return refusalsAsErrors(() => createVariant(ctx.db, actor, input));
  }),
  saveDraft: write.input(saveDraftInput).mutation(async ({ ctx, input }) => {
    const actor = await actorOf(ctx);
    return refusalsAsErrors(() => saveDraft(ctx.db, actor, input));
  }),
  /** submit and withdraw are the author's; approve and reject the reviewer's (both marketers). */
  review: reviewer.input(reviewInput).mutation(async ({ ctx, input }) => {
    const actor = await actorOf(ctx);
    return refusalsAsErrors(() => reviewRevision(ctx.db, actor, input));
  }),
  setPins: write
    .input(pinsInput)
    .mutation(({ ctx, input }) =>
      refusalsAsErrors(() =>
        setPins(
          ctx.db,
          ctx.tenant.id,
          input,
          sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        ),
      ),
    ),
  /** Exercises to pin to a variant (SPEC §1.6: pinned exercises come first). */
  exercises: read
    .input(z.object({ search: line(100).default("") }))
    .query(({ ctx, input }) => findExercises(ctx.db, ctx.tenant.id, input.search)),
  /** Renders any content for any contact of the workspace, as a send would, without storing it. */
  preview: read
    .input(
      z.object({
        stage: stageKey,
        channel: z.enum(channel.enumValues),
        content: variantContent,
        ctaKind: ctaKind.default("start_now"),
        templateId: z.uuid().nullable().default(null),
        contactId: z.uuid().nullable().default(null),
      }),
    )
    .query(async ({ ctx, input }) => {
      const preview = await previewMessage(ctx.db, {
        ...input,
        tenantId: ctx.tenant.id,
        now: new Date(),
        baseUrl: env.NEXTAUTH_URL,
      });
      if (!preview)
        throw new TRPCError({
          code: "NOT_FOUND",
          message: "No such contact or variant in this workspace.",
        });
      // The same checks as saving, while the marketer types.
      const problems = [
        ...checkPlaceholders(input.content, input.stage),
        ...checkSmsLength(input.content, linkLength(env.NEXTAUTH_URL)),
      ];
      return { ...preview, problems };
    }),
});
