import type { ApiOperation } from "./operation";
import { activityOperation } from "./operations/activity";
import { contactsOperation } from "./operations/contacts";
import { exercisesOperation } from "./operations/exercises";
import { activateOperation, catalogOperation } from "./operations/modules";
import { pushSubscriptionsOperation } from "./operations/push-subscriptions";

/**
 * Every operation the OpenAPI document and the docs page describe, in the order they list them.
 * Documenting another endpoint is one entry here. Row schemas bound instants by `now`.
 */
export function apiOperations(now: Date): ApiOperation[] {
  return [
    contactsOperation(now),
    activityOperation(now),
    exercisesOperation(now),
    pushSubscriptionsOperation(now),
    catalogOperation,
    activateOperation,
  ];
}
