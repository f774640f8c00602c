import type { Metadata } from "next";
import { TeamManager } from "@/components/team/team-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const { session } = await requirePagePermission("team.manage");
  return (
    <>
      <PageHeader
        title="Team"
        description="Who works in this workspace and in which role. An invitation is an email with a sign-in link; a change applies from the member’s next click."
      />
      <TeamManager currentUserId={session.userId!} />
    </>
  );
}
