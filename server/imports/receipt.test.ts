import { describe, expect, it } from "vitest";
import { openReceipt, signReceipt, type ImportTally } from "./receipt";

const tally: ImportTally = {
  importId: "6f1c1d1e-8d7e-4b5a-9f00-0a1b2c3d4e5f",
  tenantId: "t1",
  userId: "u1",
  target: "contacts",
  fileName: "customers.csv",
  startedAt: "2026-11-23T12:00:00.000Z",
  rows: 10,
  created: 7,
  updated: 1,
  rejected: 2,
  lastLine: 11,
};

describe("import receipts", () => {
  it("carry the tally signed with the secret", () => {
    expect(openReceipt(signReceipt(tally, "secret"), "secret")).toEqual(tally);
  });

  it("are refused when altered, signed with another secret, or malformed", () => {
    const receipt = signReceipt(tally, "secret");
    const [, signature] = receipt.split(".");
    const altered = Buffer.from(JSON.stringify({ ...tally, rejected: 0 })).toString("base64url");
    expect(openReceipt(`${altered}.${signature}`, "secret")).toBeNull();
    expect(openReceipt(receipt, "another secret")).toBeNull();
    expect(openReceipt("nonsense", "secret")).toBeNull();
    expect(openReceipt(`${receipt}.x`, "secret")).toBeNull();
  });
});
