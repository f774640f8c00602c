/** Why a team change was refused; the router turns each into a client error with this message. */
export type TeamRefusalReason = "not_found" | "already_member" | "last_owner";

/** A team change the rules refuse, worded for the owner who asked for it. */
export class TeamRefusal extends Error {
  constructor(
    readonly reason: TeamRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "TeamRefusal";
  }
}

export const memberNotFound = () =>
  new TeamRefusal("not_found", "No member of this workspace has this id.");
