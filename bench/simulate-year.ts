// `npm run bench:simulate`: one simulated year of N contacts (10,000 by default) through
// `runScenario`, the simulator's own path (virtual clock), on a fresh in-memory PGlite or, with
// `DATABASE_URL`, on a scratch database of that server with two workers. Prints the time.
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { faker } from "@faker-js/faker";
import type { Scenario } from "@/server/engine/simulate/scenario";
import { scenarioSchema } from "@/server/engine/simulate/scenario";
import { runScenario } from "@/server/engine/simulate/run";
import { openScratchDatabase } from "@/db/scratch-database";
import { migrateDatabase } from "@/db/migrate";

const zones = [
  "Asia/Ho_Chi_Minh",
  "Asia/Tokyo",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
];
const start = new Date("2026-01-01T00:00:00Z");
const end = new Date("2027-01-01T00:00:00Z");
const day = 86_400_000;

/** A year of a learning app: dormant and active learners, returns, clicks, opt-outs, failures. */
function yearScenario(total: number): Scenario {
  faker.seed(20261123);
  const at = (from: Date, to: Date) => faker.date.between({ from, to }).toISOString();
  const ids = Array.from({ length: total }, (_, i) => `c${i}`);
  const contacts = ids.map((id) => ({
    id,
    timezone: faker.helpers.arrayElement(zones),
    lastActivityAt: at(new Date(start.getTime() - 60 * day), start),
    channels: { web_push: "subscribed", zalo: "subscribed" } as const,
    tags: faker.datatype.boolean(0.01) ? ["do-not-contact"] : [],
  }));
  const someone = () => faker.helpers.arrayElement(ids);
  const events = [
    ...Array.from({ length: total / 2 }, () => ({
      type: "activity" as const,
      at: at(start, end),
      contact: someone(),
    })),
    ...Array.from({ length: total / 10 }, () => ({
      type: "click" as const,
      at: at(start, end),
      contact: someone(),
      channel: "zalo" as const,
    })),
    ...Array.from({ length: total / 50 }, () => ({
      type: "unsubscribe" as const,
      at: at(start, end),
      contact: someone(),
      channel: "web_push" as const,
    })),
  ];
  const failures = Array.from({ length: total / 100 }, () => ({
    contact: someone(),
    channel: "zalo" as const,
    failAttempts: [1, 2],
    kind: "transient" as const,
  }));
  return scenarioSchema.parse({
    preset: "self_study",
    start: start.toISOString(),
    end: end.toISOString(),
    contacts,
    events,
    failures,
  });
}

/** What the years in bench/RESULTS.md produced: a faster simulator must produce as much. */
export const RECORDED_YEARS: Record<number, { deliveries: number; sent: number }> = {
  2_000: { deliveries: 31_272, sent: 25_495 },
  10_000: { deliveries: 156_220, sent: 127_631 },
};

/** A fresh, migrated database on the server in `serverUrl`, dropped when the run closes it. */
async function scratchYear(serverUrl: string) {
  const handle = await openScratchDatabase(serverUrl, "rekindle_year");
  await migrateDatabase(handle);
  return handle;
}

/**
 * One simulated year of `total` contacts, on PGlite or on the server in `serverUrl`; what it
 * sent, how long it took, its report's digest.
 */
export async function simulateYear(total: number, serverUrl?: string, workers = 2) {
  const scenario = yearScenario(total);
  const began = process.hrtime.bigint();
  const result = await runScenario(
    scenario,
    serverUrl ? { open: () => scratchYear(serverUrl), workers } : {},
  );
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const sent = result.attempts.filter((a) => a.outcome === "sent").length;
  // A digest of the whole report: a faster simulator must produce the very same one.
  const digest = createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 12);
  return {
    total,
    events: scenario.events.length,
    deliveries: result.deliveries.length,
    sent,
    seconds,
    digest,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await simulateYear(
    Number(process.env.SIM_CONTACTS ?? 10_000),
    process.env.DATABASE_URL,
    Number(process.env.SIM_WORKERS ?? 2),
  );
  console.log(
    `| ${r.total.toLocaleString("en-US")} | ${r.events.toLocaleString("en-US")} | ` +
      `${r.deliveries.toLocaleString("en-US")} | ${r.sent.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} s | ${r.digest} |`,
  );
}
