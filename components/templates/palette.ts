import type { Channel, TenantKind } from "@/db/schema/enums";
import { placeholders, placeholdersFor } from "@/server/content/placeholders";
import type { PaletteEntry } from "./types";

/** The editor's palette: the placeholders this workspace's stage × channel may use (SPEC §1.6). */
export function paletteFor(kind: TenantKind, stage: string, channel: Channel): PaletteEntry[] {
  return placeholdersFor(kind, stage, channel).map((name) => ({
    name,
    description: placeholders[name],
  }));
}
