// Shared by the load test's coordinator (scripts/loadtest.ts) and its client workers.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Milliseconds on a clock every process on this machine shares closely enough for latency
 * figures: each process's time origin plus its monotonic time since then.
 */
export const clock = (): number => performance.timeOrigin + performance.now();

/** The value at percentile p (0–100) of an unsorted list, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const round1 = (n: number): number => (Number.isFinite(n) ? Math.round(n * 10) / 10 : n);

const LOOP_RESOLUTION_MS = 10;

/**
 * This process's own event-loop delay. The histogram records whole timer intervals, so the
 * resolution is subtracted: an idle loop reads about 0 ms.
 */
export function loopMonitor(): { reset(): void; p99(): number; max(): number } {
	const h: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
	h.enable();
	const ms = (ns: number) => (h.count > 0 ? Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) : 0);
	return {
		reset: () => h.reset(),
		p99: () => ms(h.percentile(99)),
		max: () => ms(h.max)
	};
}

/** Short answers to "what are the biggest bottlenecks in your company?", in both languages. */
export const TEXTS: readonly string[] = [
	'For mange møter uten beslutninger',
	'Manuell dobbeltregistrering i flere systemer',
	'Treg fakturering og purring',
	'Uklare ansvarsforhold mellom avdelingene',
	'Vi venter på godkjenning fra ledelsen',
	'Papirskjemaer i produksjonen',
	'Lite digitalisering av ordremottak',
	'For mye e-post, for lite dialog',
	'Mangel på fagarbeidere',
	'Gamle maskiner som stopper ofte',
	'Lang leveringstid på råvarer',
	'Ingen felles oversikt over prosjektene',
	'Prosjektene mangler en tydelig prosjektleder',
	'Rapportering tar for mye tid',
	'Vanskelig å finne riktig dokument',
	'Timeføring etterpå i stedet for løpende',
	'Kvalitetskontroll skjer for sent',
	'Lageret er uoversiktlig',
	'Opplæring av nyansatte tar lang tid',
	'Innkjøp må gjennom for mange ledd',
	'Too many meetings without decisions',
	'Manual data entry in several systems',
	'Slow invoicing and payment follow-up',
	'Unclear responsibilities between departments',
	'Waiting for management approval',
	'Paper forms on the shop floor',
	'Order intake is not digitised',
	'Too much email, too little conversation',
	'Shortage of skilled workers',
	'Old machines that break down often',
	'Long lead times on raw materials',
	'No shared overview of projects',
	'Reporting takes too much time',
	'Hard to find the right document',
	'Quality control happens too late',
	'The warehouse is messy and hard to navigate',
	'Onboarding new staff takes too long',
	'Purchasing needs too many approvals',
	'Planning changes every day',
	'IT-systemene snakker ikke sammen'
];

export function randomText(): string {
	return TEXTS[Math.floor(Math.random() * TEXTS.length)];
}

/** Coordinator → worker. */
export type ToWorker =
	| { type: 'connect'; urls: string[]; code: string; count: number; perSecond: number }
	/** Send on schedule from startAt, then wait up to drainMs for acknowledgements and report. */
	| { type: 'run'; startAt: number; durationS: number; sends: number; drainMs: number }
	| { type: 'close' };

/** One submission as the worker saw it: id, send time, ack time (null: none), ack ok. */
export type SendRecord = [id: string, sentAt: number, ackAt: number | null, ok: boolean];

/** Worker → coordinator. */
export type FromWorker =
	| { type: 'ready' }
	| {
			type: 'connected';
			connected: number;
			failed: number;
			errors: Record<string, number>;
			ms: number;
	  }
	| {
			type: 'done';
			records: SendRecord[];
			/** How late sends went out against their schedule, ms. */
			lagP99: number;
			lastSendAt: number;
			loopP99: number;
			loopMax: number;
			disconnects: number;
			skipped: number;
			rejections: Record<string, number>;
	  }
	| { type: 'closed' };
