import { describe, expect, it } from "vitest";
import { can, type Permission } from "./permissions";

describe("can", () => {
  // SPEC: owners configure, marketers write templates, analysts read (read-only).
  it.each<[Permission, string, boolean]>([
    ["contacts.read", "analyst", true],
    ["contacts.read", "marketer", true],
    ["settings.read", "analyst", false],
    ["settings.read", "marketer", true],
    ["settings.write", "marketer", false],
    ["settings.write", "owner", true],
    ["apiKeys.manage", "owner", true],
    ["apiKeys.manage", "marketer", false],
    ["apiKeys.manage", "analyst", false],
  ])("%s for %s → %s", (permission, role, expected) => {
    expect(can([role as "owner"], permission)).toBe(expected);
  });

  it("grants what any of several roles grants", () => {
    expect(can(["analyst", "owner"], "apiKeys.manage")).toBe(true);
    expect(can([], "contacts.read")).toBe(false);
  });
});
