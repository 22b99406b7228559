import type { Queryable } from '@balcao/platform';

// Namespace of the advisory locks below (any constant all Balcão processes share).
const MESSAGE_LOCK = 7_433_003;

/**
 * Publishing a message and opening a subscription for the same name and correlation key
 * take this lock first (until commit). Otherwise, on a PostgreSQL server, a message published
 * while a subscription is being opened would see no subscription, and the subscription no
 * buffered message, and they would never meet.
 */
export async function lockMessageKey(
  tx: Queryable,
  name: string,
  correlationKey: string,
): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [
    MESSAGE_LOCK,
    `${name}\u001f${correlationKey}`,
  ]);
}
