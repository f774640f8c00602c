// What `npm run bench` measures around a phase: its wall time, the process's peak RSS, the time
// each kind of SQL statement took as the client saw it, and (optionally) a CPU profile.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { PglitePreparedQuery } from "drizzle-orm/pglite/session";
import { PostgresJsPreparedQuery } from "drizzle-orm/postgres-js/session";

/**
 * CPU time a phase used, in ms: this process's (with PGlite inside it), and that of the local
 * PostgreSQL server's backends serving the bench's database (`countBackendCpuOf`; null otherwise).
 * Unlike wall time, it hardly grows when other work shares the cores, so it compares code across
 * runs on a busy machine. The server's shared processes (WAL writer, checkpointer) are not in it.
 */
export type PhaseCpu = { nodeMs: number; serverMs: number | null };
export type PhaseResult<T> = { value: T; ms: number; peakRssMb: number; cpu: PhaseCpu };

/** Runs `fn`, timing it, sampling the process's RSS every 20 ms and counting CPU time. */
export async function phase<T>(fn: () => Promise<T>): Promise<PhaseResult<T>> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const start = process.hrtime.bigint();
  const nodeBefore = process.cpuUsage();
  const serverBefore = backendsCpuMs();
  try {
    const value = await fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const node = process.cpuUsage(nodeBefore);
    const serverAfter = backendsCpuMs();
    peak = Math.max(peak, process.memoryUsage.rss());
    const cpu = {
      nodeMs: (node.user + node.system) / 1000,
      serverMs: serverBefore && serverAfter ? grownBy(serverBefore, serverAfter) : null,
    };
    return { value, ms, peakRssMb: peak / 2 ** 20, cpu };
  } finally {
    clearInterval(timer);
  }
}

let benchDatabase: string | null = null;

/**
 * Counts the server CPU of the backends serving the database at `url`, when it is on this machine;
 * `null` stops counting (a phase whose database closes within it: its backends are gone by the
 * last reading).
 */
export function countBackendCpuOf(url: string | null) {
  benchDatabase = null;
  if (!url) return;
  const { hostname, pathname } = new URL(url);
  if (["127.0.0.1", "localhost", "[::1]"].includes(hostname)) benchDatabase = pathname.slice(1);
}

/** CPU ms each backend used between two readings; one that started meanwhile counts in full. */
function grownBy(before: Map<string, number>, after: Map<string, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** Linux counts process CPU time in ticks of 1/100 s (`getconf CLK_TCK`). */
const TICK_MS = 10;

/**
 * User and system CPU time of each backend serving the bench's database ("postgres: cluster: user
 * database host …" is its command line), by pid, from /proc; null without either.
 */
function backendsCpuMs(): Map<string, number> | null {
  if (!benchDatabase) return null;
  const byPid = new Map<string, number>();
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0\s]+/);
        if (command[0] !== "postgres:" || !command.includes(benchDatabase)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // "pid (comm) state ppid …": utime and stime are the 12th and 13th fields after "(comm)".
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
      } catch {
        continue; // ended meanwhile
      }
    }
  } catch {
    return null;
  }
  return byPid;
}

// ---------------------------------------------------------------------------------------------
// Statement timing: every query drizzle runs goes through a prepared query's `execute` or `all`
// (`db.execute`, selects, inserts, inside transactions too), on both drivers. The wrapper times
// each from the call to its rows, by statement text: the time as the client sees it (queue on the
// pool, network, server, decoding). Used where `pg_stat_statements` is not loaded.

type StatementStats = { calls: number; ms: number };
let statements: Map<string, StatementStats> | null = null;

function wrap(proto: { execute: unknown; all: unknown }) {
  for (const method of ["execute", "all"] as const) {
    const original = proto[method] as (this: { queryString: string }, ...a: unknown[]) => unknown;
    proto[method] = async function (this: { queryString: string }, ...args: unknown[]) {
      if (!statements) return original.apply(this, args);
      const start = process.hrtime.bigint();
      try {
        return await original.apply(this, args);
      } finally {
        const key = statementKind(this.queryString);
        const stats = statements.get(key) ?? { calls: 0, ms: 0 };
        stats.calls++;
        stats.ms += Number(process.hrtime.bigint() - start) / 1e6;
        statements.set(key, stats);
      }
    };
  }
}
wrap(PglitePreparedQuery.prototype as never);
wrap(PostgresJsPreparedQuery.prototype as never);

/** A statement's kind: its text with whitespace collapsed, cut to a readable length. */
export function statementKind(query: string): string {
  const text = query.replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Runs `fn` with every statement timed; returns the statement kinds by total time. */
export async function timingStatements<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; statements: { kind: string; calls: number; ms: number }[] }> {
  statements = new Map();
  try {
    const value = await fn();
    const list = [...statements].map(([kind, s]) => ({ kind, ...s }));
    return { value, statements: list.sort((a, b) => b.ms - a.ms) };
  } finally {
    statements = null;
  }
}

// ---------------------------------------------------------------------------------------------
// CPU profile of this process (the inspector's sampling profiler): where Node spends its time.

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  file: string;
  totalMs: number;
  functions: { name: string; ms: number }[];
  groups: { name: string; ms: number }[];
};

/** Runs `fn` under the CPU profiler; writes the profile to `dir` and summarises its self time. */
export async function profiling<T>(
  dir: string,
  name: string,
  fn: () => Promise<T>,
): Promise<{ value: T; profile: ProfileSummary }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  try {
    const value = await fn();
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { value, profile: { file, ...summarise(profile) } };
  } finally {
    session.disconnect();
  }
}

const root = process.cwd();

/** Self time by function and by where the code lives (a package, the app's files, wasm, idle). */
function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const groups = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalMs += ms;
    const where = url.startsWith("file://") ? url.slice(7) : url;
    const short = where.startsWith(root) ? path.relative(root, where) : where;
    const fn = `${functionName || "(anonymous)"} ${short ? `${short}:${lineNumber + 1}` : ""}`;
    functions.set(fn.trim(), (functions.get(fn.trim()) ?? 0) + ms);
    const group = groupOf(functionName, short);
    groups.set(group, (groups.get(group) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) =>
    [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs, functions: sorted(functions), groups: sorted(groups) };
}

function groupOf(functionName: string, where: string): string {
  if (!where) return functionName || "(native)"; // (idle), (garbage collector), (program)
  if (where.startsWith("wasm://")) return "wasm (PGlite's Postgres)";
  if (where.startsWith("node:")) return "node: internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (pkg) return `node_modules/${pkg[1]}`;
  const dir = /^(server\/[^/]+|db|bench|app|[^/]+)/.exec(where);
  return dir ? `${dir[1]}/` : where;
}
