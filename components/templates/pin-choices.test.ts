import { describe, expect, it } from "vitest";
import { pinCandidates, pinDetail, type PinExercise } from "./pin-choices";

const ex = (id: string, title: string, skill: string, program: string): PinExercise => ({
  id,
  title,
  skill,
  program,
  externalId: `ex-${id}`,
});

describe("pin lists", () => {
  const a = ex("1", "Story: Travel reading", "reading", "ielts");
  const b = ex("2", "Story: Travel reading", "reading", "toeic");
  const c = ex("3", "Story: Travel reading", "reading", "toeic");
  const d = ex("4", "Quick drill: Food grammar", "grammar", "ielts");

  it("offers each exercise once and none already pinned", () => {
    expect(pinCandidates([a, b, a, d, b], [d])).toEqual([a, b]);
  });

  it("tells equal titles apart by program, then by catalog id", () => {
    const all = [a, b, c, d];
    expect(pinDetail(d, all)).toBe("grammar");
    expect(pinDetail(a, all)).toBe("reading · ielts");
    expect(pinDetail(b, all)).toBe("reading · toeic · ex-2");
    expect(pinDetail(c, all)).toBe("reading · toeic · ex-3");
  });
});
