import "server-only";
import { TRPCError } from "@trpc/server";
import { sessionActor } from "@/server/audit/actor";
import { buildAuthOptions, defaultAuthConfig } from "@/server/auth/options";
import { changeRole } from "@/server/team/change-role";
import { TeamRefusal, type TeamRefusalReason } from "@/server/team/errors";
import { inviteMember } from "@/server/team/invite";
import { listMembers } from "@/server/team/members";
import { removeMember } from "@/server/team/remove";
import { changeRoleInput, inviteInput, removeInput } from "@/server/team/schema";
import { permissionProcedure, router } from "../trpc";

const manageTeam = permissionProcedure("team.manage");

const codes = {
  not_found: "NOT_FOUND",
  already_member: "CONFLICT",
  last_owner: "PRECONDITION_FAILED",
} as const satisfies Record<TeamRefusalReason, TRPCError["code"]>;

/** The team rules' refusals reach the owner in their words; anything else stays internal. */
async function refusalsAsErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TeamRefusal)
      throw new TRPCError({ code: codes[error.reason], message: error.message, cause: error });
    throw error;
  }
}

/** A change: scoped to the caller's workspace, audited under their name, at one instant. */
const changeTeam = manageTeam.use(({ ctx, next }) =>
  next({
    ctx: {
      change: {
        tenantId: ctx.tenant.id,
        actor: sessionActor(ctx.session, ctx.userId, ctx.tenant.roles),
        now: new Date(),
      },
    },
  }),
);

export const teamRouter = router({
  list: manageTeam.query(({ ctx }) => listMembers(ctx.db, ctx.tenant.id)),
  /** Adds a member and mails them next-auth's sign-in link, the way the sign-in page does. */
  invite: changeTeam.input(inviteInput).mutation(({ ctx, input }) =>
    refusalsAsErrors(() =>
      inviteMember(ctx.db, buildAuthOptions(ctx.db, defaultAuthConfig(ctx.db)), {
        ...input,
        ...ctx.change,
      }),
    ),
  ),
  /** One role instead of the member's roles; never the last owner's. */
  changeRole: changeTeam
    .input(changeRoleInput)
    .mutation(({ ctx, input }) =>
      refusalsAsErrors(() => changeRole(ctx.db, { ...input, ...ctx.change })),
    ),
  /** Out of the workspace; their session is refused from their next request. */
  remove: changeTeam
    .input(removeInput)
    .mutation(({ ctx, input }) =>
      refusalsAsErrors(() => removeMember(ctx.db, { ...input, ...ctx.change })),
    ),
});
