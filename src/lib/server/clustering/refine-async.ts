import { Worker } from 'node:worker_threads';
import { refine } from './refine';
import { WORKER_MIN_INPUTS } from './schedule';
import type { RefineResult, RefineSnapshot } from './refine-types';

export interface BackgroundOptions {
	/**
	 * URL or path of the refine-worker script. In production this is the esbuild output
	 * (e.g. `new URL('./refine-worker.js', import.meta.url)`); without it, or for small
	 * workshops, the pass runs inline, where it takes a few milliseconds.
	 */
	workerUrl?: URL | string;
	minInputs?: number;
}

let worker: Worker | null = null;
let workerKey = '';
let nextId = 1;
const pending = new Map<
	number,
	{ resolve: (r: RefineResult) => void; reject: (e: Error) => void }
>();

function getWorker(url: URL | string): Worker {
	const key = String(url);
	if (worker && workerKey === key) return worker;
	worker?.terminate();
	workerKey = key;
	worker = new Worker(url);
	// A refinement in flight must not keep the process alive at shutdown.
	worker.unref();
	worker.on('message', (msg: { id: number; result?: RefineResult; error?: string }) => {
		const p = pending.get(msg.id);
		pending.delete(msg.id);
		if (!p) return;
		if (msg.result) p.resolve(msg.result);
		else p.reject(new Error(msg.error ?? 'refinement failed'));
	});
	worker.on('error', (err) => {
		for (const p of pending.values()) p.reject(err);
		pending.clear();
		worker = null;
	});
	return worker;
}

/** Runs `refine` in a worker thread when the workshop is large, inline otherwise. */
export async function refineInBackground(
	snapshot: RefineSnapshot,
	opts: BackgroundOptions = {}
): Promise<RefineResult> {
	if (!opts.workerUrl || snapshot.docs.length < (opts.minInputs ?? WORKER_MIN_INPUTS))
		return refine(snapshot);
	const w = getWorker(opts.workerUrl);
	const id = nextId++;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		w.postMessage({ id, snapshot });
	});
}

/** Stops the shared worker (graceful shutdown, tests). */
export async function stopRefineWorker(): Promise<void> {
	const w = worker;
	worker = null;
	if (w) await w.terminate();
}
