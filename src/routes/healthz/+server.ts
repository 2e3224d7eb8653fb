import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { readLoopDelayP99Ms } from '$lib/server/health';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

const round = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => round(bytes / (1024 * 1024));

/** Liveness and load for monitoring. Carries no tokens and no workshop data. */
export const GET: RequestHandler = async ({ locals }) => {
	const memory = process.memoryUsage();
	const body = {
		uptimeS: Math.round(process.uptime()),
		rssMb: mb(memory.rss),
		heapUsedMb: mb(memory.heapUsed),
		eventLoopDelayP99Ms: readLoopDelayP99Ms(),
		// which node answered, when there are several
		...(locals.runtime.cluster ? { node: locals.runtime.cluster.nodeId } : {})
	};
	const headers = { 'cache-control': 'no-store' };
	try {
		await sql`select 1`.execute(locals.runtime.db);
		return json({ ok: true, ...body, db: 'ok' }, { headers });
	} catch (err) {
		log.error('healthz: database check failed', {}, err);
		return json({ ok: false, ...body, db: 'error' }, { status: 503, headers });
	}
};
