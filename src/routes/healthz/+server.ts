import { json } from '@sveltejs/kit';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';

/** Sampling interval of the event-loop histogram, in milliseconds. */
const RESOLUTION_MS = 10;

/**
 * One histogram per process, enabled once. It lives on globalThis so that a second copy of this
 * module (development reloads) does not start a second timer.
 */
const KEY = Symbol.for('innspill.healthz.loopDelay');
function loopDelay(): IntervalHistogram {
	const holder = globalThis as { [KEY]?: IntervalHistogram };
	if (!holder[KEY]) {
		const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
		histogram.enable();
		holder[KEY] = histogram;
	}
	return holder[KEY];
}
loopDelay();

/**
 * p99 of the event-loop delay since the previous read, in milliseconds, then a reset so every read
 * covers the recent window. The histogram records whole timer intervals, so the resolution itself
 * is subtracted: an idle loop reports about 0. `null` when the window has no samples yet.
 */
function readLoopDelayP99Ms(): number | null {
	const histogram = loopDelay();
	const p99 = histogram.count > 0 ? histogram.percentile(99) / 1e6 - RESOLUTION_MS : null;
	histogram.reset();
	return p99 === null ? null : round(Math.max(0, p99));
}

const round = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => round(bytes / (1024 * 1024));

/** Liveness and load for monitoring. Carries no tokens and no workshop data. */
export const GET: RequestHandler = async ({ locals }) => {
	const memory = process.memoryUsage();
	const body = {
		uptimeS: Math.round(process.uptime()),
		rssMb: mb(memory.rss),
		heapUsedMb: mb(memory.heapUsed),
		eventLoopDelayP99Ms: readLoopDelayP99Ms()
	};
	const headers = { 'cache-control': 'no-store' };
	try {
		await sql`select 1`.execute(locals.runtime.db);
		return json({ ok: true, ...body, db: 'ok' }, { headers });
	} catch (err) {
		console.error('healthz: database check failed', err);
		return json({ ok: false, ...body, db: 'error' }, { status: 503, headers });
	}
};
