import type { PlanDb } from './db.ts';

/**
 * Claims a signed request: true the first time its signature is seen, false for a replay.
 * Rows whose time is over go in the same transaction, so the table holds at most the last
 * ten minutes of writes. The primary key decides a race between two deliveries at once.
 */
export async function claimSignedRequest(
  db: PlanDb,
  request: { signature: string; expiresAt: Date; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('signed_request').where('expires_at', '<', request.now.toISOString()).execute();
    const result = await trx
      .insertInto('signed_request')
      .values({ signature: request.signature, expires_at: request.expiresAt.toISOString() })
      .onConflict((oc) => oc.column('signature').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  });
}

/** How many signatures are kept (for tests and the operations page). */
export async function countSignedRequests(db: PlanDb): Promise<number> {
  const row = await db
    .selectFrom('signed_request')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
