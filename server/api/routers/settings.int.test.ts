import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DbHandle } from "@/db/client";
import { presetFor } from "@/db/presets";
import { humanIssues } from "@/server/api/zod-messages";
import { openTestDb } from "@/test/db";
import { callerFor, createMember, createTenant } from "@/test/factories";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const sender = { name: "Test", email: "test@tenant.example", postalAddress: "1 Test Street" };
const home = presetFor("home_services");

async function workspace() {
  const tenant = await createTenant(handle.db, "home_services");
  const members = await Promise.all(
    (["owner", "marketer", "analyst"] as const).map((role) =>
      createMember(handle.db, tenant.id, [role]),
    ),
  );
  const [owner, marketer, analyst] = members.map((m) => callerFor(handle.db, m.id, tenant.id));
  return { owner: owner!, marketer: marketer!, analyst: analyst! };
}

/** The answer's code and its field errors as the HTTP error formatter words them. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return { code: "OK", fieldErrors: {} };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const fieldErrors = error.cause instanceof ZodError ? humanIssues(error.cause).fieldErrors : {};
    return { code: error.code, fieldErrors };
  }
}

describe("settings.save validates every field and names it (400 with the field)", () => {
  const stage = (key: string, threshold: number) => ({
    key,
    label: key,
    threshold,
    unit: "month" as const,
  });
  const cases: [string, typeof home, string, RegExp][] = [
    [
      "descending thresholds",
      { ...home, cadence: { ...home.cadence, stages: [stage("nine", 9), stage("six", 6)] } },
      "settings.cadence.stages.1.threshold",
      /^Threshold must come after the stage before it/,
    ],
    [
      "quiet hours from a time to itself",
      { ...home, quietHours: { start: "22:00", end: "22:00", resumeAt: "08:00" } },
      "settings.quietHours.end",
      /^End must differ from the start/,
    ],
    [
      "a booking link that is not https",
      {
        ...home,
        offer: { title: "15% off", code: "X", expiresAt: null, bookingUrl: "http://a.example" },
      },
      "settings.offer.bookingUrl",
      /^Booking link must be an https:\/\/ address/,
    ],
    [
      "no channel",
      { ...home, channels: [] },
      "settings.channels",
      /^Channels must include at least one channel/,
    ],
  ];
  it.each(cases)("%s", async (_, settings, path, message) => {
    const { owner } = await workspace();
    const answer = await refusal(owner.settings.save({ settings, sender }));
    expect(answer.code).toBe("BAD_REQUEST");
    expect(answer.fieldErrors).toHaveProperty([path]);
    expect((answer.fieldErrors as Record<string, string[]>)[path]![0]).toMatch(message);
  });
});

describe("settings permissions", () => {
  it("an owner saves; a marketer reads but may not save; an analyst may not read", async () => {
    const { owner, marketer, analyst } = await workspace();
    const next = { ...home, holdoutPercent: 10 };
    await expect(owner.settings.save({ settings: next, sender })).resolves.toMatchObject({
      version: 2,
      changed: 1,
    });
    await expect(marketer.settings.current()).resolves.toMatchObject({ version: 2 });
    expect((await refusal(marketer.settings.save({ settings: home, sender }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(marketer.settings.impact({ settings: home }))).code).toBe("FORBIDDEN");
    expect((await refusal(analyst.settings.current())).code).toBe("FORBIDDEN");
    const entries = await owner.audit.list({});
    expect(entries[0]).toMatchObject({ kind: "settings", summary: "Changed holdout (version 2)" });
    expect((await refusal(marketer.audit.list({}))).code).toBe("FORBIDDEN");
  });

  it("previews a year for a sample contact of the workspace only", async () => {
    const { owner } = await workspace();
    const preview = await owner.settings.preview({
      settings: home,
      typed: [
        {
          label: "Sam",
          timeZone: "America/Chicago",
          lastActivityOn: "2025-01-01",
        },
      ],
    });
    expect(preview).toHaveLength(1);
    expect(preview[0]!.label).toBe("Sam");
    // Another tenant's contact id is not found, as any id the caller gives.
    const other = owner.settings.preview({
      settings: home,
      contactIds: [crypto.randomUUID()],
      typed: [],
    });
    expect((await refusal(other)).code).toBe("NOT_FOUND");
  });
});
