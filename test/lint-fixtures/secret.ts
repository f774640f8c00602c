import "server-only";

/** A module outside server/ that only the server may load (lint-rules.test.ts). */
export const secret = "server";
