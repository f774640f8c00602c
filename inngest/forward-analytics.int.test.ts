import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { forwardLedger } from "@/server/analytics/forward";
import { posthogSink } from "@/server/analytics/posthog-sink";
import { outboxProvider } from "@/server/engine/channels/outbox-provider";
import { runEngineTick } from "@/server/engine/worker";
import { openTestDb } from "@/test/db";
import { startFakePostHog, type FakePostHog } from "@/test/fake-posthog";
import { createContact, createTenant } from "@/test/factories";
import type { EngineDeps } from "./deps";
import { forwardAnalyticsFunction } from "./functions/forward-analytics";

let handle: DbHandle;
let posthog: FakePostHog;
const now = new Date("2026-01-03T01:00:00Z"); // 08:00 in Ho Chi Minh City

beforeAll(async () => {
  handle = await openTestDb();
  posthog = await startFakePostHog();
});
afterAll(async () => {
  await posthog.close();
  await handle.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
  posthog.setMode("accept");
  posthog.requests.length = 0;
});

const deps = (analytics: EngineDeps["analytics"]): EngineDeps => ({
  db: async () => handle.db,
  provider: outboxProvider,
  clock: () => now,
  analytics,
});

/** A learner due for streak_lost at `now`, planned and sent on web push and Zalo. */
async function learnerSent() {
  const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
  const contact = await createContact(handle.db, tenant.id, {
    timeZone: "Asia/Ho_Chi_Minh",
    channels: { web_push: "subscribed", zalo: "subscribed" },
    lastActivityAt: new Date("2026-01-01T03:00:00Z"),
    nextCheckAt: new Date("2026-01-01T03:00:00Z"),
  });
  await runEngineTick(handle.db, outboxProvider(handle.db), now);
  return { tenant, contact };
}

describe("analytics-forward-ledger (@inngest/test)", () => {
  it("forwards the ledger's new events to PostHog past the cursor", async () => {
    const sink = posthogSink({ key: "phc_test", host: posthog.host }, { retries: 0 });
    // The first run starts the cursor at the ledger's end.
    await forwardLedger(handle.db, sink, now);
    const { tenant, contact } = await learnerSent();
    const t = new InngestTestEngine({ function: forwardAnalyticsFunction(deps(sink)) });
    const { result } = await t.execute();
    expect(result).toMatchObject({ enabled: true, forwarded: 2, waiting: false });
    // One insert logs both: in either order.
    const channels = posthog.events().map((e) => [e.event, e.distinct_id, e.properties.channel]);
    expect(channels.sort()).toEqual([
      ["reminder_sent", contact.id, "web_push"],
      ["reminder_sent", contact.id, "zalo"],
    ]);
    expect(posthog.events()[0]!.properties.$groups).toEqual({ workspace: tenant.id });
    // The next run finds nothing new.
    const again = await new InngestTestEngine({
      function: forwardAnalyticsFunction(deps(sink)),
    }).execute();
    expect(again.result).toMatchObject({ forwarded: 0 });
    expect(posthog.events()).toHaveLength(2);
  });

  it("fails the run while PostHog is down, without retries: the next cron run sends again", async () => {
    const sink = posthogSink({ key: "phc_test", host: posthog.host }, { retries: 0 });
    await forwardLedger(handle.db, sink, now);
    await learnerSent();
    posthog.setMode("fail");
    // Inngest's logger reports the failed run on the console.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = await new InngestTestEngine({
      function: forwardAnalyticsFunction(deps(sink)),
    }).execute();
    expect(failed.error).toBeDefined();
    posthog.setMode("accept");
    posthog.requests.length = 0;
    const { result } = await new InngestTestEngine({
      function: forwardAnalyticsFunction(deps(sink)),
    }).execute();
    expect(result).toMatchObject({ enabled: true, forwarded: 2 });
    expect(posthog.events().map((e) => e.event)).toEqual(["reminder_sent", "reminder_sent"]);
  });

  it("without POSTHOG_KEY it does nothing, and nothing reaches PostHog", async () => {
    vi.stubEnv("POSTHOG_KEY", "");
    vi.stubEnv("POSTHOG_HOST", "");
    vi.resetModules();
    const { env } = await import("@/server/env");
    const { analyticsFromEnv } = await import("@/server/analytics/from-env");
    await learnerSent();
    const t = new InngestTestEngine({
      function: forwardAnalyticsFunction(deps(analyticsFromEnv(env))),
    });
    const { result } = await t.execute();
    expect(result).toEqual({ enabled: false });
    expect(posthog.requests).toEqual([]);
  });
});
