import type { Scenario } from "@/server/engine/simulate/scenario";
import { drawFor, weighted } from "../random";
import type { HistoryContact } from "./contact";

type Failure = Scenario["failures"][number];

/**
 * Which provider calls fail over the year, in the simulator's own terms: a few contacts' messages
 * of one stage on one channel fail once or twice and succeed on a retry (a timeout, a rate
 * limit), a few never get through (retries run out), and a few fail for good (a bounced address,
 * a blocked number: the channel becomes unreachable). Everyone else's calls succeed.
 */
export function failuresOf(contacts: HistoryContact[]): Failure[] {
  return contacts.flatMap((contact) =>
    drawFor(`failures/${contact.id}`, (faker): Failure[] => {
      if (contact.channels.length === 0 || contact.stages.length === 0) return [];
      const what = weighted(faker, [
        ["retried", 4],
        ["exhausted", 0.7],
        ["permanent", 1.5],
        ["none", 93.8],
      ] as const);
      if (what === "none") return [];
      const target = {
        contact: contact.externalId,
        channel: faker.helpers.arrayElement(contact.channels),
        stage: faker.helpers.arrayElement(contact.stages),
      };
      if (what === "permanent") return [{ ...target, failAttempts: [1], kind: "permanent" }];
      const failAttempts: number[] =
        what === "exhausted" ? [1, 2, 3, 4, 5, 6] : faker.helpers.arrayElement([[1], [1], [1, 2]]);
      return [{ ...target, failAttempts, kind: "transient" }];
    }),
  );
}
