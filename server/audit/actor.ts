import type { Session } from "next-auth";
import type { Role } from "@/db/schema/enums";
import type { Actor } from "./record";

/** The signed-in person as the audit log names them: "ana@example.com (owner)". */
export function sessionActor(
  session: Session | null,
  userId: string,
  roles: readonly Role[],
): Actor {
  const who = session?.user?.email ?? session?.user?.name ?? "A member";
  return { userId, label: `${who} (${roles.join(", ")})` };
}

/**
 * A change made with an API key, as the audit log names it: the key (its name and visible
 * prefix, never the key), the way it came in, the role it acts as and the member who made it,
 * e.g. `API key “Review bot” (rk_a1b2c3d…) via MCP, as marketer, made by ana@example.com`. No
 * signed-in person made the change, so the entry has no `userId`, as for the integration API.
 */
export function apiKeyActor(
  key: { name: string; prefix: string; role: Role },
  via: string,
  madeBy: string | null,
): Actor {
  const maker = madeBy ? `, made by ${madeBy}` : "";
  return {
    userId: null,
    label: `API key “${key.name}” (${key.prefix}…) via ${via}, as ${key.role}${maker}`,
  };
}
