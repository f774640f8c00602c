import "server-only";
import { dashboardData } from "@/server/metrics/dashboard";
import { dashboardInputSchema } from "@/server/metrics/dashboard-schema";
import { permissionProcedure, router } from "../trpc";

export const dashboardRouter = router({
  /** The analyst dashboard for a date range and optional stage or channel (SPEC §1.8, §3). */
  get: permissionProcedure("dashboard.read")
    .input(dashboardInputSchema)
    .query(({ ctx, input }) => dashboardData(ctx.db, ctx.tenant, input, new Date())),
});
