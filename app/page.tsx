import { redirect } from "next/navigation";
import { requireMember } from "@/server/auth/page-guard";

/** Home: the dashboard for analysts (it is what they work with), the contacts for the others. */
export default async function Home() {
  const { membership } = await requireMember();
  const analyst = membership.roles.every((role) => role === "analyst");
  redirect(analyst ? "/dashboard" : "/contacts");
}
