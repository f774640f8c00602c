import "server-only";
import { getTenantSettings } from "@/server/settings/get";
import { permissionProcedure, router } from "../trpc";

export const settingsRouter = router({
  get: permissionProcedure("settings.read").query(({ ctx }) =>
    getTenantSettings(ctx.db, ctx.tenant),
  ),
});
