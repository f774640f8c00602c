import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where a checkout keeps its development secret: beside its embedded database, never committed. */
export const DEV_SECRET_FILE = ".data/dev-secret";

/**
 * This checkout's development secret, made once from 32 random bytes and read back by every
 * process after (Next runs several), so no secret is written in the source and sessions and
 * links survive restarts. A production build requires NEXTAUTH_SECRET instead.
 */
export function developmentSecret(file = DEV_SECRET_FILE): string {
  const existing = readSecret(file);
  if (existing !== null) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a name of its own, then linked into place: a link never replaces a file,
  // so when processes race the first link wins and every process reads that whole file.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  writeFileSync(draft, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  const secret = readSecret(file);
  if (secret === null) throw new Error(`${file} disappeared while it was being created.`);
  return secret;
}

function readSecret(file: string): string | null {
  let value: string;
  try {
    value = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (value.length < 32)
    throw new Error(
      `${file} holds no usable secret; delete it and the next start makes a new one.`,
    );
  return value;
}
