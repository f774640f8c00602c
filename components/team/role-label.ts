import type { Role } from "@/db/schema/enums";

/** "owner" → "Owner": roles as the page shows them. */
export const roleLabel = (role: Role) => role.charAt(0).toUpperCase() + role.slice(1);
