import { and, asc, desc, eq, gt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { exercises, templatePins, templates } from "@/db/schema";
import { RECOMMENDATIONS, type Catalog, type Exercise } from "./recommend";
import { groupBy } from "@/server/lib/group-by";

const columns = {
  id: exercises.id,
  externalId: exercises.externalId,
  title: exercises.title,
  program: exercises.program,
  skill: exercises.skill,
  publishedAt: exercises.publishedAt,
  popularity: exercises.popularity,
  url: exercises.url,
};
// Enough per group that pinned picks appearing again still leave a full list.
const PER_GROUP = RECOMMENDATIONS * 2;

/** The recommendation candidates of a tenant for contacts in these programs and skills. */
export async function loadCatalog(
  db: Db,
  tenantId: string,
  wanted: { programs: string[]; skills: string[]; freshSince: Date },
): Promise<Catalog> {
  const ranked = (partition: SQLWrapper, order: SQL[]) =>
    sql<number>`row_number() over (partition by ${partition} order by ${sql.join(order, sql`, `)})`;
  const [fresh, trending, global] = await Promise.all([
    wanted.programs.length
      ? db
          .select({
            ...columns,
            rank: ranked(exercises.program, [desc(exercises.publishedAt), asc(exercises.id)]),
          })
          .from(exercises)
          .where(
            and(
              eq(exercises.tenantId, tenantId),
              anyOf(exercises.program, wanted.programs),
              gt(exercises.publishedAt, wanted.freshSince),
            ),
          )
      : [],
    wanted.skills.length
      ? db
          .select({
            ...columns,
            rank: ranked(exercises.skill, [desc(exercises.popularity), asc(exercises.id)]),
          })
          .from(exercises)
          .where(and(eq(exercises.tenantId, tenantId), anyOf(exercises.skill, wanted.skills)))
      : [],
    db
      .select(columns)
      .from(exercises)
      .where(eq(exercises.tenantId, tenantId))
      .orderBy(desc(exercises.popularity), asc(exercises.id))
      .limit(PER_GROUP),
  ]);
  return {
    freshByProgram: groupTop(fresh, (e) => e.program),
    trendingBySkill: groupTop(trending, (e) => e.skill),
    global,
  };
}

function groupTop(rows: (Exercise & { rank: number })[], key: (e: Exercise) => string) {
  const top = [...rows]
    .sort((a, b) => Number(a.rank) - Number(b.rank))
    .filter((r) => Number(r.rank) <= PER_GROUP)
    .map(({ rank: _, ...e }): Exercise => e);
  return groupBy(top, key);
}

/**
 * The exercises pinned to each of these templates of a tenant, in their pinned order. A template
 * or exercise of another tenant has no pins here, whatever id is asked for.
 */
export async function loadPins(
  db: Db,
  tenantId: string,
  templateIds: string[],
): Promise<Map<string, Exercise[]>> {
  if (templateIds.length === 0) return new Map();
  const rows = await db
    .select({ templateId: templatePins.templateId, ...columns })
    .from(templatePins)
    .innerJoin(templates, eq(templates.id, templatePins.templateId))
    .innerJoin(exercises, eq(exercises.id, templatePins.exerciseId))
    .where(
      and(
        eq(templates.tenantId, tenantId),
        eq(exercises.tenantId, tenantId),
        anyOf(templatePins.templateId, templateIds),
      ),
    )
    .orderBy(asc(templatePins.position));
  const pins = groupBy(rows, (r) => r.templateId);
  return new Map([...pins].map(([id, list]) => [id, list.map(({ templateId: _, ...e }) => e)]));
}
