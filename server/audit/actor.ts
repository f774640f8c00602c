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
