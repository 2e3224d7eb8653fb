// npx tsx --expose-gc scripts/lexicon/measure.ts
// Measures what parsing all lexical data once costs: time and retained heap.
import { performance } from 'node:perf_hooks';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with --expose-gc for heap figures');
const heap = () => (gc?.(), process.memoryUsage().heapUsed);

const h0 = heap();
const t0 = performance.now();
const lex = await import('../../src/lib/server/clustering/lexical-data.ts');
const t1 = performance.now();
const h1 = heap();
const steps: [string, () => unknown][] = [
	['nbLemmas', () => lex.nbLemmas('møtene')],
	['enLemma', () => lex.enLemma('meetings')],
	['zipf nb', () => lex.zipf('og', 'nb')],
	['zipf en', () => lex.zipf('the', 'en')]
];
const times: string[] = [];
for (const [name, f] of steps) {
	const s = performance.now();
	f();
	times.push(`${name} ${(performance.now() - s).toFixed(0)} ms`);
}
const t2 = performance.now();
const h2 = heap();
const mb = (b: number) => (b / 1048576).toFixed(1);
console.log(`import of the data modules: ${(t1 - t0).toFixed(0)} ms, heap +${mb(h1 - h0)} MB`);
console.log(`first use (parsing): ${times.join(', ')}`);
console.log(`parsing all: ${(t2 - t1).toFixed(0)} ms, heap +${mb(h2 - h1)} MB`);
console.log(`total: ${(t2 - t0).toFixed(0)} ms, heap +${mb(h2 - h0)} MB`);

const words = [
	'møtene',
	'kommunikasjonen',
	'ledelsen',
	'arbeidsmiljø',
	'tidsfrister',
	'samarbeidet'
];
const n = 100_000;
const s = performance.now();
for (let i = 0; i < n; i++) lex.nbLemmas(words[i % words.length]);
console.log(`nbLemmas: ${(((performance.now() - s) / n) * 1000).toFixed(2)} µs per call`);
