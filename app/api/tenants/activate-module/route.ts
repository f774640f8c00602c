import { getDb } from "@/db/runtime";
import { channelDrivers } from "@/server/engine/channels/from-env";
import { env } from "@/server/env";
import { answerActivation, answerActivationStatus } from "@/server/modules/activation-http";
import { sessionOwner } from "@/server/modules/session-owner";

async function deps(request: Request) {
  const db = await getDb();
  return {
    db,
    drivers: channelDrivers(env),
    now: new Date(),
    sessionOwner: () => sessionOwner(db, request),
  };
}

/** Activate, pause, resume or deactivate a module: `{ module_code, action?, niche? }`. */
export async function POST(request: Request) {
  return answerActivation(request, await deps(request));
}

/** The module's state and its readiness checklist: `?module_code=…`. */
export async function GET(request: Request) {
  return answerActivationStatus(request, await deps(request));
}
