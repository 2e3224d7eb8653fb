import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Whose engine: one question of one workshop. */
export interface LeaseScope {
	code: string;
	question: number;
}

/**
 * Takes or renews the lease on a workshop's engine: it succeeds when the row is free, expired or
 * already this node's, in one statement, so two nodes racing for it cannot both win.
 * Returns the holder after the attempt.
 */
export async function claimLease(
	db: Kysely<Database>,
	scope: LeaseScope,
	nodeId: string,
	now: number,
	ttlMs: number
): Promise<{ nodeId: string; expiresAt: number } | null> {
	const expires = now + ttlMs;
	await db
		.insertInto('engine_leases')
		.values({
			workshop_code: scope.code,
			question: scope.question,
			node_id: nodeId,
			expires_at: expires
		})
		.onConflict((oc) =>
			oc
				.columns(['workshop_code', 'question'])
				.doUpdateSet({ node_id: nodeId, expires_at: expires })
				.where((eb) =>
					eb.or([
						eb('engine_leases.node_id', '=', nodeId),
						eb('engine_leases.expires_at', '<', now)
					])
				)
		)
		.execute();
	return findLease(db, scope);
}

export async function findLease(
	db: Kysely<Database>,
	scope: LeaseScope
): Promise<{ nodeId: string; expiresAt: number } | null> {
	const row = await db
		.selectFrom('engine_leases')
		.select(['node_id', 'expires_at'])
		.where('workshop_code', '=', scope.code)
		.where('question', '=', scope.question)
		.executeTakeFirst();
	return row ? { nodeId: row.node_id, expiresAt: Number(row.expires_at) } : null;
}

/** Gives up this node's leases (a clean shutdown), so another node can take them at once. */
export async function releaseLeases(
	db: Kysely<Database>,
	nodeId: string,
	scopes?: LeaseScope[]
): Promise<void> {
	let query = db.deleteFrom('engine_leases').where('node_id', '=', nodeId);
	if (scopes) {
		query = query.where((eb) =>
			eb.or(
				scopes.map((s) =>
					eb.and([eb('workshop_code', '=', s.code), eb('question', '=', s.question)])
				)
			)
		);
	}
	await query.execute();
}
