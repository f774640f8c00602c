import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recommend, RECOMMENDATIONS, recommends, type Catalog, type Exercise } from "./recommend";

const ex = (id: string, program = "ielts", skill = "listening"): Exercise => ({
  id,
  externalId: `ext-${id}`,
  title: `Exercise ${id}`,
  program,
  skill,
  publishedAt: new Date("2026-01-01T00:00:00Z"),
  popularity: 0,
  url: null,
});

const catalog = (parts: Partial<Catalog> = {}): Catalog => ({
  freshByProgram: new Map(),
  trendingBySkill: new Map(),
  global: [],
  ...parts,
});

const contact = { program: "ielts", lastSkill: "listening" };
const picks = (result: ReturnType<typeof recommend>) => result.map((r) => [r.exercise.id, r.rule]);

const full = catalog({
  freshByProgram: new Map([
    ["ielts", [ex("f1"), ex("f2"), ex("f3")]],
    ["toeic", [ex("t1", "toeic")]],
  ]),
  trendingBySkill: new Map([
    ["listening", [ex("s1"), ex("s2"), ex("s3")]],
    ["reading", [ex("r1", "ielts", "reading")]],
  ]),
  global: [ex("g1"), ex("g2"), ex("g3")],
});

describe("recommends — “The `year` reminder stays simple … no recommendations” (SPEC §1.6)", () => {
  it.each([
    ["streak_lost", false],
    ["year", false],
    ["week", true],
    ["month", true],
    ["recurring", true],
    ["custom_stage", true],
  ])("%s → %s", (stage, expected) => {
    expect(recommends(stage)).toBe(expected);
  });
});

describe("recommend — “in order of fallback: pinned → newly published in the program → trending in the last skill → global trending” (SPEC §1.6)", () => {
  it("recommends three exercises", () => {
    expect(RECOMMENDATIONS).toBe(3);
  });

  it.each([
    [
      "1. exercises a marketer pinned to the campaign template",
      [ex("p1"), ex("p2"), ex("p3")],
      full,
      [
        ["p1", "pinned"],
        ["p2", "pinned"],
        ["p3", "pinned"],
      ],
    ],
    [
      "2. exercises newly published in the contact's program",
      [],
      full,
      [
        ["f1", "fresh_in_program"],
        ["f2", "fresh_in_program"],
        ["f3", "fresh_in_program"],
      ],
    ],
    [
      "3. trending exercises of the contact's last practised skill",
      [],
      catalog({ ...full, freshByProgram: new Map() }),
      [
        ["s1", "trending_in_skill"],
        ["s2", "trending_in_skill"],
        ["s3", "trending_in_skill"],
      ],
    ],
    [
      "4. the global trending bank",
      [],
      catalog({ global: full.global }),
      [
        ["g1", "global_trending"],
        ["g2", "global_trending"],
        ["g3", "global_trending"],
      ],
    ],
  ] satisfies [string, Exercise[], Catalog, [string, string][]][])(
    "%s, each pick with its rule",
    (_, pinned, cat, expected) => {
      expect(picks(recommend(contact, pinned, cat))).toEqual(expected);
    },
  );

  it("fills up across rules in order, to RECOMMENDATIONS", () => {
    const cat = catalog({
      freshByProgram: new Map([["ielts", [ex("f1")]]]),
      trendingBySkill: new Map([["listening", [ex("s1")]]]),
      global: [ex("g1"), ex("g2")],
    });
    expect(picks(recommend(contact, [ex("p1")], cat))).toEqual([
      ["p1", "pinned"],
      ["f1", "fresh_in_program"],
      ["s1", "trending_in_skill"],
    ]);
    expect(picks(recommend(contact, [], cat))).toEqual([
      ["f1", "fresh_in_program"],
      ["s1", "trending_in_skill"],
      ["g1", "global_trending"],
    ]);
  });

  it("an exercise found by two rules appears once, credited to the earlier rule", () => {
    const shared = ex("x");
    const cat = catalog({
      freshByProgram: new Map([["ielts", [shared]]]),
      trendingBySkill: new Map([["listening", [shared, ex("s1")]]]),
      global: [shared, ex("g1")],
    });
    expect(picks(recommend(contact, [shared], cat))).toEqual([
      ["x", "pinned"],
      ["s1", "trending_in_skill"],
      ["g1", "global_trending"],
    ]);
  });

  it("uses the contact's own program and skill only", () => {
    const other = { program: "toeic", lastSkill: "reading" };
    expect(picks(recommend(other, [], full))).toEqual([
      ["t1", "fresh_in_program"],
      ["r1", "trending_in_skill"],
      ["g1", "global_trending"],
    ]);
  });

  it.each([
    ["no program and no skill", { program: null, lastSkill: null }],
    ["an unknown program and skill", { program: "nope", lastSkill: "nope" }],
  ])("a contact with %s goes straight to global trending", (_, who) => {
    expect(picks(recommend(who, [], full))).toEqual([
      ["g1", "global_trending"],
      ["g2", "global_trending"],
      ["g3", "global_trending"],
    ]);
  });

  it("returns fewer when the whole catalog has fewer, and none from an empty one", () => {
    expect(picks(recommend(contact, [], catalog({ global: [ex("g1")] })))).toEqual([
      ["g1", "global_trending"],
    ]);
    expect(recommend(contact, [], catalog())).toEqual([]);
  });

  it("honours another count", () => {
    expect(recommend(contact, [], full, 5).map((r) => r.exercise.id)).toEqual([
      "f1",
      "f2",
      "f3",
      "s1",
      "s2",
    ]);
    expect(recommend(contact, [], full, 0)).toEqual([]);
  });

  it("property: no duplicates, at most `count`, rules in fallback order, as many as the distinct candidates allow", () => {
    const order = ["pinned", "fresh_in_program", "trending_in_skill", "global_trending"];
    const ids = fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), { maxLength: 5 });
    fc.assert(
      fc.property(
        ids,
        ids,
        ids,
        ids,
        fc.option(fc.constant("ielts"), { nil: null }),
        fc.option(fc.constant("listening"), { nil: null }),
        fc.integer({ min: 0, max: 6 }),
        (pinned, fresh, trending, global, program, lastSkill, count) => {
          const cat = catalog({
            freshByProgram: new Map([["ielts", fresh.map((id) => ex(id))]]),
            trendingBySkill: new Map([["listening", trending.map((id) => ex(id))]]),
            global: global.map((id) => ex(id)),
          });
          const result = recommend(
            { program, lastSkill },
            pinned.map((id) => ex(id)),
            cat,
            count,
          );
          const got = result.map((r) => r.exercise.id);
          expect(new Set(got).size).toBe(got.length);
          const candidates = new Set([
            ...pinned,
            ...(program ? fresh : []),
            ...(lastSkill ? trending : []),
            ...global,
          ]);
          expect(got.length).toBe(Math.min(count, candidates.size));
          const ranks = result.map((r) => order.indexOf(r.rule));
          expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
          // Each pick's rule is the first rule whose list holds it.
          for (const { exercise, rule } of result) {
            const lists: string[][] = [
              pinned,
              program ? fresh : [],
              lastSkill ? trending : [],
              global,
            ];
            const first = lists.findIndex((list) => list.includes(exercise.id));
            expect(order[first]).toBe(rule);
          }
        },
      ),
    );
  });
});
