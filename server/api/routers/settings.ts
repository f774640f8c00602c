import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { sessionActor } from "@/server/audit/actor";
import { previewCadences, previewContactsSchema } from "@/server/settings/preview";
import { editableSettingsSchema, settingsSaveSchema } from "@/server/settings/form-schema";
import { currentSettings, previewImpact, saveSettings } from "@/server/settings/save";
import { getTenantSettings } from "@/server/settings/get";
import { permissionProcedure, router } from "../trpc";

export const settingsRouter = router({
  get: permissionProcedure("settings.read").query(({ ctx }) =>
    getTenantSettings(ctx.db, ctx.tenant),
  ),
  /** The settings with the sender identity and the version, for the editor. */
  current: permissionProcedure("settings.read").query(({ ctx }) =>
    currentSettings(ctx.db, ctx.tenant),
  ),
  /** How many contacts a change would affect now: a dry run on the real data (SPEC §1.9). */
  impact: permissionProcedure("settings.write")
    .input(z.object({ settings: editableSettingsSchema }))
    .query(({ ctx, input }) => previewImpact(ctx.db, ctx.tenant, input.settings, new Date())),
  /** The next 12 months of reminders for sample contacts, under the current and new settings. */
  preview: permissionProcedure("settings.read")
    .input(previewContactsSchema.extend({ settings: editableSettingsSchema }))
    .query(async ({ ctx, input }) => {
      const preview = await previewCadences(ctx.db, ctx.tenant, input, new Date());
      if (!preview)
        throw new TRPCError({ code: "NOT_FOUND", message: "No such contact in this workspace." });
      return preview;
    }),
  /** Saves a new version and applies it to every contact at once (SPEC §1.9). */
  save: permissionProcedure("settings.write")
    .input(settingsSaveSchema)
    .mutation(({ ctx, input }) =>
      saveSettings(ctx.db, {
        tenant: ctx.tenant,
        settings: input.settings,
        sender: input.sender,
        lateMilestones: input.lateMilestones,
        actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        now: new Date(),
      }),
    ),
});
