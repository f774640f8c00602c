import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { developmentSecret } from "./dev-secret";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "rekindle-secret-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("developmentSecret", () => {
  it("makes a random secret once, readable by its owner only, and returns it after", () => {
    const file = path.join(dir, ".data", "dev-secret");
    const secret = developmentSecret(file);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(developmentSecret(file)).toBe(secret);
    expect(readdirSync(path.dirname(file))).toEqual(["dev-secret"]);
  });

  it("differs between checkouts", () => {
    expect(developmentSecret(path.join(dir, "a"))).not.toBe(developmentSecret(path.join(dir, "b")));
  });

  it("refuses a file that holds no usable secret", () => {
    const file = path.join(dir, "dev-secret");
    writeFileSync(file, "short");
    expect(() => developmentSecret(file)).toThrow(/no usable secret/);
  });

  it("gives racing processes one and the same secret", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "dev-secret");
    const source = path.resolve(import.meta.dirname, "dev-secret.ts");
    const script = `import { developmentSecret } from ${JSON.stringify(source)};
      process.stdout.write(developmentSecret(${JSON.stringify(file)}));`;
    const run = () =>
      promisify(execFile)(process.execPath, [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        script,
      ]);
    const outputs = await Promise.all(Array.from({ length: 6 }, run));
    const secrets = new Set(outputs.map((o) => o.stdout));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toBe(readFileSync(file, "utf8"));
  });
});

describe("NEXTAUTH_SECRET", () => {
  it("is required in a production build", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("NEXTAUTH_URL", "https://rekindle.example");
    await expect(import("./env")).rejects.toThrow(/NEXTAUTH_SECRET/);
  });

  it("is the checkout's generated secret in development, never a value from the source", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const { env } = await import("./env");
    expect(env.NEXTAUTH_SECRET).toBe(developmentSecret());
    expect(readFileSync("server/env.ts", "utf8")).not.toContain(env.NEXTAUTH_SECRET);
  });
});
