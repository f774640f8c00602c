/**
 * The instant a step runs at, per contact. The engine runs every contact of a batch at one `now`;
 * the simulator moves each contact on its own clock (no rule couples two contacts), so one batch
 * can serve contacts that are at different instants.
 */
export type StepTime = (contactId: string) => Date;

export function stepTime(now: Date | StepTime): StepTime {
  return now instanceof Date ? () => now : now;
}

/** The earliest instant of a batch (a lower bound for look-backs shared by the whole batch). */
export function earliest(ids: string[], at: StepTime): Date {
  return new Date(ids.reduce((min, id) => Math.min(min, at(id).getTime()), Infinity));
}
