import { Inngest } from "inngest";

/** The Inngest client. Cloud mode needs INNGEST_SIGNING_KEY/INNGEST_EVENT_KEY; INNGEST_DEV=1 for the Dev Server. */
export const inngest = new Inngest({ id: "rekindle" });
