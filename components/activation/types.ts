import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type ModuleStatusView = inferRouterOutputs<AppRouter>["modules"]["status"];
export type ChecklistItemView = ModuleStatusView["checklist"][number];
export type MissingItemView = ModuleStatusView["missing"][number];
export type NicheView = ModuleStatusView["niches"][number];
