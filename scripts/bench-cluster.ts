// npm run bench:cluster [-- BENCH_DIR]: live insert latency, refinement time and peak memory on
// texts resampled from the bench sets. The memory of one 20k engine (batch, then a live pass) is
// measured in a child process of its own, so the other engines do not count.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { ThemeEngine } from '../src/lib/server/clustering/index.ts';
import { createRng } from '../src/lib/server/clustering/prng.ts';
import { BENCH_SETS, benchDir, readLines } from './lib/bench-sets.ts';

const single = process.argv.includes('--single-20k');
const dir = benchDir(process.argv.slice(2).find((a) => !a.startsWith('--')));
const pool = [...new Set(BENCH_SETS.map((s) => s.file))].flatMap((f) =>
	readLines(resolve(dir, f)).map((l) => l.split('\t')[1] ?? '')
);
const rng = createRng(7);
const sample = (n: number) =>
	Array.from({ length: n }, () => pool[Math.floor(rng() * pool.length)]);
const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
let peakHeap = 0;
const sampleMemory = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));

function batchEngine(n: number): { engine: ThemeEngine; ms: number } {
	const engine = new ThemeEngine();
	sample(n).forEach((text, i) => engine.add({ id: `b${i}`, text }, { place: false }));
	const t0 = performance.now();
	engine.refine({ cold: true });
	sampleMemory();
	return { engine, ms: performance.now() - t0 };
}

if (single) {
	const { engine } = batchEngine(20_000);
	for (const [i, text] of sample(2000).entries()) engine.add({ id: `w${i}`, text });
	engine.refine();
	console.log(String(process.resourceUsage().maxRSS * 1024));
	process.exit(0);
}

const rows: string[][] = [];
// Warm-up: the first inserts of a process run while the JIT is still compiling the live path.
{
	const { engine } = batchEngine(1000);
	for (const [i, text] of sample(1000).entries()) engine.add({ id: `x${i}`, text });
}
// Each size is measured on three fresh engines, 1000 inserts each: the p99 is the 30th slowest of 3000.
const ROUNDS = 3;
for (const n of [1000, 10_000]) {
	const times: number[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const { engine } = batchEngine(n);
		for (const [i, text] of sample(1000).entries()) {
			const t0 = performance.now();
			engine.add({ id: `l${i}`, text });
			times.push(performance.now() - t0);
		}
		sampleMemory();
	}
	rows.push([
		`live insert at ${n / 1000}k inputs`,
		`p50 ${pct(times, 50).toFixed(3)} ms`,
		`p99 ${pct(times, 99).toFixed(3)} ms, max ${Math.max(...times).toFixed(2)} ms (${times.length} inserts)`
	]);
}
for (const n of [1000, 5000, 20_000]) {
	const { engine, ms } = batchEngine(n);
	for (const [i, text] of sample(Math.ceil(n / 10)).entries()) engine.add({ id: `w${i}`, text });
	const warm = engine.refine();
	sampleMemory();
	rows.push([
		`refinement at ${n / 1000}k inputs`,
		`batch ${ms.toFixed(0)} ms`,
		`live pass ${warm.ms.toFixed(0)} ms (${(100 * warm.churn).toFixed(1)}% churn)`
	]);
}
const singleRss = Number(
	execFileSync(
		process.execPath,
		[...process.execArgv, fileURLToPath(import.meta.url), dir, '--single-20k'],
		{ encoding: 'utf8' }
	).trim()
);
rows.push(['one 20k engine', `RSS ${mb(singleRss)}`, 'batch + live pass, own process']);
rows.push([
	'peak memory, whole bench (every engine above in turn)',
	`RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
	`heap ${mb(peakHeap)}`
]);

const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
console.log(rows.map((r) => r.map((cell, c) => cell.padEnd(width[c])).join('  ')).join('\n'));
