import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { count } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { tenants } from "@/db/schema";
import {
  demoWorkspacesWithoutContacts,
  seedDemoWorkspaces,
  seedIfEmpty,
  type DemoWorkspace,
  type SeedSize,
} from "./index";
import { setDemoHistoryStatus } from "./status";
import { importContactTables } from "./transfer";

const log = (line: string) => console.info(`[rekindle] demo history: ${line}`);

/**
 * Seeds an empty embedded database at the app's start. The small demo (e2e) is built in place
 * before the first page, history included (seconds). The full demo's year of history takes a
 * minute or more, longer than a first start may wait: the workspaces are created at once (demo
 * sign-in and every page work), and their contacts and history are built in the background by a
 * child process (`build-demo.ts`, the same seed in a database of its own, on the other core) and
 * then copied in, all in one transaction. Until then the workspaces have no contacts, and the
 * live engine has nothing of theirs to do. A start that finds demo workspaces without contacts
 * (the last one stopped during the build) builds them again.
 */
export async function seedDemoDatabase(handle: DbHandle, now: Date, size: SeedSize) {
  if (size === "small") {
    await seedIfEmpty(handle.db, now, size);
    return;
  }
  const [row] = await handle.db.select({ n: count() }).from(tenants);
  if ((row?.n ?? 0) === 0) await seedDemoWorkspaces(handle.db, now, size);
  const waiting = await demoWorkspacesWithoutContacts(handle.db, size);
  if (waiting.length > 0) void buildInBackground(handle, now, size, waiting);
}

async function buildInBackground(
  handle: DbHandle,
  now: Date,
  size: SeedSize,
  workspaces: DemoWorkspace[],
): Promise<void> {
  const startedAt = new Date();
  const contacts = workspaces.reduce((n, w) => n + w.demo.contactCount, 0);
  setDemoHistoryStatus({ state: "building", startedAt, done: 0, of: 1, through: null });
  log(
    `building a year of the engine's history for ${contacts.toLocaleString("en-US")} demo contacts in the background`,
  );
  let dir: string | null = null;
  try {
    dir = await mkdtemp(path.join(tmpdir(), "rekindle-demo-"));
    const ids = workspaces.map((w) => w.tenantId);
    await runChild([now.toISOString(), size, dir, ...ids], (done, of, through) => {
      setDemoHistoryStatus({ state: "building", startedAt, done, of, through });
      log(`${done}/${of} of the year (through ${through.toISOString().slice(0, 10)})`);
    });
    await importContactTables(handle.db, dir);
    setDemoHistoryStatus({ state: "ready", startedAt, finishedAt: new Date() });
    log(
      `ready in ${Math.round((Date.now() - +startedAt) / 1000)} s: the contacts and their year are in`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setDemoHistoryStatus({ state: "failed", startedAt, error: message });
    console.error(`[rekindle] demo history failed (the next start tries again): ${message}`);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `build-demo.ts` under tsx from the checkout, passing its progress lines on. */
function runChild(
  args: string[],
  onProgress: (done: number, of: number, through: Date) => void,
): Promise<void> {
  const entry = path.join(process.cwd(), "db", "seed", "build-demo.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The build dies with the app (a stop of the app alone would leave it running).
  const stop = () => child.kill();
  process.once("exit", stop);
  createInterface({ input: child.stdout }).on("line", (line) => {
    // Progress lines only; anything else the child prints is passed on.
    if (!line.startsWith('{"done"')) return console.info(line);
    const { done, of, through } = JSON.parse(line) as { done: number; of: number; through: string };
    onProgress(done, of, new Date(through));
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("exit", stop);
      if (code === 0) resolve();
      else reject(new Error(`build-demo.ts ended with ${signal ?? code}`));
    });
  });
}
