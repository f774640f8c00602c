export type PinExercise = {
  id: string;
  title: string;
  skill: string;
  program: string;
  externalId: string;
};

/**
 * What tells an exercise apart in the pin lists: its skill, and where another one in `all` has the
 * same title, its program too, then its id in the catalog if even that is shared.
 */
export function pinDetail(exercise: PinExercise, all: PinExercise[]): string {
  const twins = all.filter((e) => e.id !== exercise.id && e.title === exercise.title);
  if (twins.length === 0) return exercise.skill;
  const sameProgram = twins.some(
    (e) => e.skill === exercise.skill && e.program === exercise.program,
  );
  return [exercise.skill, exercise.program, ...(sameProgram ? [exercise.externalId] : [])].join(
    " · ",
  );
}

/** Search results to offer: each exercise once, none already pinned. */
export function pinCandidates(found: PinExercise[], pinned: { id: string }[]): PinExercise[] {
  const seen = new Set(pinned.map((p) => p.id));
  return found.filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}
