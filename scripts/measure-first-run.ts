// `npm run measure:first-run`: times the README's run command (`npm run dev`) from a clean embedded
// database to a signed-in page, as a new user meets it, then the pages after it, and until the
// demo's year of history (built in the background) is in. An existing build is reused (delete
// .next first to time a cold build too).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = Number(process.env.MEASURE_PORT ?? 3300);
const base = `http://localhost:${port}`;
const email = "owner@lotus-english.example";
const laterPages = ["/contacts", "/outbox", "/templates", "/settings", "/contacts?inactive=30"];

const data = mkdtempSync(path.join(tmpdir(), "rekindle-first-run-"));
const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
// Its own process group, so the server (npm → bash → next → its workers) stops with us.
const server = spawn("npm", ["run", "dev"], {
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: data, DATABASE_URL: "" },
});
// The server's own milestones (build, database, ready), each with the time it arrived.
let log = "";
const onOutput = (chunk: Buffer) => {
  log += String(chunk);
  for (const line of String(chunk).split("\n")) {
    if (
      /^\[rekindle\] (building|database|ready|demo history)|Compiled|Ready in/.test(line.trim())
    ) {
      console.log(`  ${seconds(started).padStart(5)} s  ${line.trim()}`);
    }
  }
};
server.stdout.on("data", onOutput);
server.stderr.on("data", onOutput);
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {}
  rmSync(data, { recursive: true, force: true });
};

/** A cookie jar of one: next-auth's csrf and session cookies. */
const cookies = new Map<string, string>();
async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(new URL(url, base), {
    ...init,
    redirect: "manual",
    headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return response;
}

async function waitForServer(): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm run dev exited:\n${log}`);
    const ok = await fetch(`${base}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The demo button's request: next-auth's credentials flow, then the page it leads to. */
async function signIn(): Promise<void> {
  const { csrfToken } = (await (await request("/api/auth/csrf")).json()) as { csrfToken: string };
  const callback = await request("/api/auth/callback/demo", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${base}/contacts` }),
  });
  const location = callback.headers.get("location") ?? "";
  if (callback.status !== 302 || !location.endsWith("/contacts")) {
    throw new Error(`demo sign-in answered ${callback.status} → ${location}`);
  }
  await signedInPage(location);
}

async function signedInPage(url: string): Promise<void> {
  const response = await request(url);
  const html = await response.text();
  if (response.status !== 200 || !html.includes(email)) {
    throw new Error(`${url} answered ${response.status} without the signed-in user`);
  }
}

/** The server's log line that the background build of the demo's history is copied in. */
async function historyReady(): Promise<void> {
  for (;;) {
    if (/\[rekindle\] demo history failed/.test(log))
      throw new Error(`demo history failed:\n${log}`);
    if (/\[rekindle\] demo history: ready/.test(log)) return;
    if (server.exitCode !== null) throw new Error(`npm run dev exited:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function timePages(title: string): Promise<void> {
  console.log(`${title}:`);
  for (const page of laterPages) {
    const from = performance.now();
    await signedInPage(page);
    console.log(`  ${page.padEnd(22)} ${seconds(from)} s`);
  }
}

try {
  await waitForServer();
  console.log(`server answering:  ${seconds(started)} s after \`npm run dev\``);
  await signIn();
  console.log(`signed-in page:    ${seconds(started)} s after \`npm run dev\` (${email})`);
  await timePages("later pages, while the demo's history builds");
  await historyReady();
  console.log(`demo history in:   ${seconds(started)} s after \`npm run dev\``);
  // The engine's next tick plans the backlog of the contacts who arrive today: pages must still
  // answer.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  await timePages("while the engine plans the backlog");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  stop();
}
