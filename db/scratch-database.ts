import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "./client";

/**
 * A new, empty database on the server in `serverUrl`, dropped on close: for tests and benchmarks
 * that must not share data with anything else.
 */
export async function openScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<DbHandle & { url: string }> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
