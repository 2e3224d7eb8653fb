import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Sampling interval of the event-loop histogram, in milliseconds. */
const RESOLUTION_MS = 10;

/**
 * One histogram per process, enabled once. It lives on globalThis so that a second copy of this
 * module (development reloads) does not start a second timer.
 */
const KEY = Symbol.for('innspill.healthz.loopDelay');
export function loopDelay(): IntervalHistogram {
	const holder = globalThis as { [KEY]?: IntervalHistogram };
	if (!holder[KEY]) {
		const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
		histogram.enable();
		holder[KEY] = histogram;
	}
	return holder[KEY];
}

/**
 * p99 of the event-loop delay since the previous read, in milliseconds, then a reset so every read
 * covers the recent window. The histogram records whole timer intervals, so the resolution itself
 * is subtracted: an idle loop reports about 0. `null` when the window has no samples yet.
 */
export function readLoopDelayP99Ms(): number | null {
	const histogram = loopDelay();
	const p99 = histogram.count > 0 ? histogram.percentile(99) / 1e6 - RESOLUTION_MS : null;
	histogram.reset();
	return p99 === null ? null : round(Math.max(0, p99));
}

const round = (n: number) => Math.round(n * 10) / 10;
