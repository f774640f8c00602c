import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { VariantContent } from "@/server/content/variant-content";

type Outputs = inferRouterOutputs<AppRouter>["templates"];

export type TemplateGridData = Outputs["grid"];
export type VariantDetail = Outputs["variant"];
export type Revision = VariantDetail["revisions"][number];
export type PreviewResult = Outputs["preview"];
export type { MessageContent } from "@/server/content/message";
export type { VariantContent };
export type Channel = VariantContent["channel"];

/** A placeholder the palette offers, with what it becomes. */
export type PaletteEntry = { name: string; description: string };
