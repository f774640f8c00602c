import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";

export type Member = {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  /** When the membership was created: the invitation, or the seed. */
  joinedAt: Date;
};

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  roles: memberships.roles,
  joinedAt: memberships.createdAt,
};

/** The workspace's members, by email. */
export function listMembers(db: Db, tenantId: string): Promise<Member[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.email));
}

/** One member of this workspace; null for anyone else, a member of another workspace included. */
export async function findMember(db: Db, tenantId: string, userId: string) {
  const [member] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return member ?? null;
}
