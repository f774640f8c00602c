import { and, asc, desc, eq, ilike, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { exercises, templatePins, templateRevisions, templates, users } from "@/db/schema";
import { checkPlaceholders, type ContentError } from "@/server/content/placeholders";
import { sanitizeEmailHtml } from "@/server/content/sanitize";
import { MAX_SMS_SEGMENTS, smsAsSent, smsSegments } from "@/server/content/sms";
import type { VariantContent } from "@/server/content/variant-content";
import { recordAudit, type Actor as AuditActor } from "@/server/audit/record";
import { containsPattern } from "@/server/lib/like-pattern";
import type { TenantSettings } from "@/server/settings/schema";
import type { createVariantInput, pinsInput, reviewInput, saveDraftInput } from "./input";
import { editTarget, MAX_VARIANTS, review, ReviewRefused, variantNames } from "./review-rules";

/** A variant refused on save: every problem, by field. */
export class ContentInvalid extends Error {
  constructor(readonly errors: ContentError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join(" "));
  }
}
export class NotFound extends Error {}

/** Who acts, where, under which settings; `linkLength`: characters of a message link as sent. */
type Actor = {
  tenantId: string;
  userId: string;
  settings: TenantSettings;
  linkLength: number;
  /** How the audit log names who acted. */
  audit: AuditActor;
};

const reviewWords = {
  submit: "Submitted for review",
  withdraw: "Withdrew from review",
  approve: "Approved",
  reject: "Rejected",
} as const;

/** The stages a workspace writes messages for: its cadence, and `recurring` when it has one. */
export function templateStages(settings: TenantSettings): { key: string; label: string }[] {
  const stages = settings.cadence.stages.map((s) => ({ key: s.key, label: s.label }));
  return settings.cadence.recurringEveryDays
    ? [...stages, { key: "recurring", label: `Every ${settings.cadence.recurringEveryDays} days` }]
    : stages;
}

/**
 * An SMS the send guard would refuse for its length (SPEC §1.6), counted as it will be sent: links
 * at their real length and the opt-out line added. Other placeholders count as written.
 */
export function checkSmsLength(content: VariantContent, linkLength: number): ContentError[] {
  if (content.channel !== "sms") return [];
  const { segments } = smsSegments(smsAsSent(content.text, linkLength));
  return segments > MAX_SMS_SEGMENTS
    ? [
        {
          field: "text",
          message: `The SMS takes ${segments} segments as sent (links and the opt-out line included); at most ${MAX_SMS_SEGMENTS} can be sent. Shorten it.`,
        },
      ]
    : [];
}

/**
 * Checked and cleaned content: placeholders valid for the stage, an SMS short enough to be sent,
 * email HTML sanitised.
 */
function cleaned(content: VariantContent, stage: string, linkLength: number): VariantContent {
  const errors = [...checkPlaceholders(content, stage), ...checkSmsLength(content, linkLength)];
  if (errors.length) throw new ContentInvalid(errors);
  return content.channel === "email"
    ? { ...content, html: sanitizeEmailHtml(content.html) }
    : content;
}

export async function createVariant(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createVariantInput>,
) {
  if (!templateStages(actor.settings).some((s) => s.key === input.stage))
    throw new ContentInvalid([
      { field: "stage", message: `${input.stage} is not a stage of this workspace.` },
    ]);
  if (input.content.channel !== input.channel)
    throw new ContentInvalid([
      {
        field: "content",
        message: `The content is for ${input.content.channel}, not ${input.channel}.`,
      },
    ]);
  const content = cleaned(input.content, input.stage, actor.linkLength);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ name: templates.name })
      .from(templates)
      .where(
        and(
          eq(templates.tenantId, actor.tenantId),
          eq(templates.stage, input.stage),
          eq(templates.channel, input.channel),
        ),
      )
      .for("update");
    const name = variantNames.find((n) => !existing.some((e) => e.name === n));
    if (existing.length >= MAX_VARIANTS || !name)
      throw new ReviewRefused(
        `${input.stage} × ${input.channel} already has ${MAX_VARIANTS} variants.`,
      );
    const [template] = await tx
      .insert(templates)
      .values({ tenantId: actor.tenantId, stage: input.stage, channel: input.channel, name })
      .returning();
    const [revision] = await tx
      .insert(templateRevisions)
      .values({
        tenantId: actor.tenantId,
        templateId: template!.id,
        number: 1,
        ctaKind: input.ctaKind,
        content,
        authorId: actor.userId,
      })
      .returning();
    return { template: template!, revision: revision! };
  });
}

/** Edits a variant: its draft in place, or a new draft revision after an approved or rejected one. */
export async function saveDraft(db: Db, actor: Actor, input: z.infer<typeof saveDraftInput>) {
  return db.transaction(async (tx) => {
    const template = await lockTemplate(tx, actor.tenantId, input.templateId);
    if (input.content.channel !== template.channel)
      throw new ContentInvalid([
        { field: "content", message: `This variant is for ${template.channel}.` },
      ]);
    const content = cleaned(input.content, template.stage, actor.linkLength);
    const [latest] = await tx
      .select()
      .from(templateRevisions)
      .where(eq(templateRevisions.templateId, template.id))
      .orderBy(desc(templateRevisions.number))
      .limit(1);
    if (latest && editTarget(latest.status) === "in_place") {
      const [revision] = await tx
        .update(templateRevisions)
        .set({ content, ctaKind: input.ctaKind, authorId: actor.userId })
        .where(eq(templateRevisions.id, latest.id))
        .returning();
      return revision!;
    }
    const [revision] = await tx
      .insert(templateRevisions)
      .values({
        tenantId: actor.tenantId,
        templateId: template.id,
        number: (latest?.number ?? 0) + 1,
        ctaKind: input.ctaKind,
        content,
        authorId: actor.userId,
      })
      .returning();
    return revision!;
  });
}

/** Submits, withdraws, approves or rejects a revision; approval puts it in use. */
export async function reviewRevision(db: Db, actor: Actor, input: z.infer<typeof reviewInput>) {
  return db.transaction(async (tx) => {
    const [revision] = await tx
      .select()
      .from(templateRevisions)
      .where(
        and(
          eq(templateRevisions.id, input.revisionId),
          eq(templateRevisions.tenantId, actor.tenantId),
        ),
      )
      .for("update");
    if (!revision) throw new NotFound("No such revision in this workspace.");
    // A draft saved before the length rule, or since the links grew, is not sent for review.
    if (input.action === "submit" || input.action === "approve") {
      const tooLong = checkSmsLength(revision.content, actor.linkLength);
      if (tooLong.length) throw new ContentInvalid(tooLong);
    }
    const status = review(
      input.action,
      revision,
      { userId: actor.userId, allowSelfApproval: actor.settings.allowSelfApproval },
      input.comment,
    );
    const now = new Date();
    const reviewed = input.action === "approve" || input.action === "reject";
    const [updated] = await tx
      .update(templateRevisions)
      .set({
        status,
        ...(input.action === "submit" && { submittedAt: now }),
        ...(reviewed && {
          reviewerId: actor.userId,
          reviewComment: input.comment,
          reviewedAt: now,
        }),
      })
      .where(eq(templateRevisions.id, revision.id))
      .returning();
    if (input.action === "approve")
      await tx
        .update(templates)
        .set({ approvedRevisionId: revision.id })
        .where(and(eq(templates.id, revision.templateId), eq(templates.tenantId, actor.tenantId)));
    const template = await lockTemplate(tx, actor.tenantId, revision.templateId);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: actor.audit,
      kind: "template",
      summary: `${reviewWords[input.action]}: variant ${template.name} of ${template.stage} × ${template.channel} (revision ${revision.number})`,
      data: {
        variant: template.name,
        stage: template.stage,
        channel: template.channel,
        revision: revision.number,
        action: input.action,
        ...(input.comment && { comment: input.comment }),
      },
      at: now,
    });
    return updated!;
  });
}

export async function setPins(
  db: Db,
  tenantId: string,
  input: z.infer<typeof pinsInput>,
  actor: AuditActor,
) {
  await db.transaction(async (tx) => {
    // Every write below names the template found in this tenant, never the input's id.
    const { id: templateId } = await lockTemplate(tx, tenantId, input.templateId);
    const found = input.exerciseIds.length
      ? await tx
          .select({ id: exercises.id })
          .from(exercises)
          .where(and(eq(exercises.tenantId, tenantId), inArray(exercises.id, input.exerciseIds)))
      : [];
    const missing = input.exerciseIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length)
      throw new NotFound(`No such exercise in this workspace: ${missing.join(", ")}.`);
    await tx.delete(templatePins).where(eq(templatePins.templateId, templateId));
    if (input.exerciseIds.length)
      await tx.insert(templatePins).values(
        input.exerciseIds.map((exerciseId, position) => ({
          templateId,
          exerciseId,
          position,
        })),
      );
    await auditPins(tx, tenantId, templateId, input.exerciseIds, actor);
  });
}

/** The pins of a variant in the audit log, by exercise title in their order. */
async function auditPins(
  tx: Db,
  tenantId: string,
  templateId: string,
  exerciseIds: string[],
  actor: AuditActor,
) {
  const template = await lockTemplate(tx, tenantId, templateId);
  const titles = exerciseIds.length
    ? await tx
        .select({ id: exercises.id, title: exercises.title })
        .from(exercises)
        .where(and(eq(exercises.tenantId, tenantId), inArray(exercises.id, exerciseIds)))
    : [];
  const pinned = exerciseIds.map((id) => titles.find((t) => t.id === id)?.title ?? id);
  await recordAudit(tx, {
    tenantId,
    actor,
    kind: "pin",
    summary: pinned.length
      ? `Pinned ${pinned.length} exercise${pinned.length === 1 ? "" : "s"} to variant ${template.name} of ${template.stage} × ${template.channel}`
      : `Removed the pins of variant ${template.name} of ${template.stage} × ${template.channel}`,
    data: { variant: template.name, stage: template.stage, channel: template.channel, pinned },
    at: new Date(),
  });
}

async function lockTemplate(db: Db, tenantId: string, templateId: string) {
  const [template] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, templateId), eq(templates.tenantId, tenantId)))
    .for("update");
  if (!template) throw new NotFound("No such variant in this workspace.");
  return template;
}

/** Every stage × channel of the workspace with its variants, their latest and approved revisions. */
export async function templateGrid(db: Db, tenantId: string, settings: TenantSettings) {
  const rows = await db
    .select({ template: templates, revision: templateRevisions })
    .from(templates)
    .innerJoin(templateRevisions, eq(templateRevisions.templateId, templates.id))
    .where(eq(templates.tenantId, tenantId))
    .orderBy(asc(templates.name), desc(templateRevisions.number));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.template.id)) latest.set(row.template.id, row);
  const variants = [...latest.values()].map(({ template, revision }) => ({
    id: template.id,
    stage: template.stage,
    channel: template.channel,
    name: template.name,
    inUse: template.approvedRevisionId !== null,
    approvedNumber:
      rows.find((r) => r.revision.id === template.approvedRevisionId)?.revision.number ?? null,
    latest: {
      id: revision.id,
      number: revision.number,
      status: revision.status,
      ctaKind: revision.ctaKind,
    },
  }));
  return {
    stages: templateStages(settings),
    channels: settings.channels,
    variants,
  };
}

/** One variant with its whole history (author, reviewer, comment, times) and its pins. */
export async function variantDetail(db: Db, tenantId: string, templateId: string) {
  const [template] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, templateId), eq(templates.tenantId, tenantId)));
  if (!template) throw new NotFound("No such variant in this workspace.");
  const author = users;
  const revisions = await db
    .select({ revision: templateRevisions, authorEmail: author.email })
    .from(templateRevisions)
    .innerJoin(author, eq(author.id, templateRevisions.authorId))
    .where(
      and(eq(templateRevisions.templateId, template.id), eq(templateRevisions.tenantId, tenantId)),
    )
    .orderBy(desc(templateRevisions.number));
  const reviewerIds = revisions.flatMap((r) =>
    r.revision.reviewerId ? [r.revision.reviewerId] : [],
  );
  const reviewers = reviewerIds.length
    ? await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, reviewerIds))
    : [];
  const pins = await db
    .select({
      id: exercises.id,
      title: exercises.title,
      skill: exercises.skill,
      program: exercises.program,
      externalId: exercises.externalId,
    })
    .from(templatePins)
    .innerJoin(exercises, eq(exercises.id, templatePins.exerciseId))
    .where(and(eq(templatePins.templateId, template.id), eq(exercises.tenantId, tenantId)))
    .orderBy(asc(templatePins.position));
  return {
    template,
    revisions: revisions.map(({ revision, authorEmail }) => ({
      ...revision,
      authorEmail,
      reviewerEmail: reviewers.find((r) => r.id === revision.reviewerId)?.email ?? null,
    })),
    pins,
  };
}

/** Exercises of the workspace whose title matches, for pinning (newest first). */
export async function findExercises(db: Db, tenantId: string, search: string) {
  return db
    .select({
      id: exercises.id,
      title: exercises.title,
      skill: exercises.skill,
      program: exercises.program,
      externalId: exercises.externalId,
    })
    .from(exercises)
    .where(
      and(
        eq(exercises.tenantId, tenantId),
        search ? ilike(exercises.title, containsPattern(search)) : undefined,
      ),
    )
    .orderBy(desc(exercises.publishedAt))
    .limit(20);
}
