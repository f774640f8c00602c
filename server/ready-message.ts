import { demoUserEmails } from "@/db/seed/demo-tenants";
import { env } from "./env";

/** What the server prints once it answers: where to open it and, in demo mode, who to sign in as. */
export function readyMessage(): string {
  const lines = [`[rekindle] ready: open ${env.NEXTAUTH_URL}`];
  if (env.REKINDLE_DEMO) {
    lines.push(
      "  demo mode: one-click sign-in on the sign-in page (sandbox workspaces), as",
      ...demoUserEmails.map((email) => `    ${email}`),
    );
  }
  return lines.join("\n");
}
