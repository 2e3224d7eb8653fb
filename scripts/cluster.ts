// npm run --silent cluster -- --input FILE [--tsv] [--k N] [--mode batch|live] [--lang nb|en|auto]
//   [--seed N] [--seeds FILE] [--trace FILE] [--question TEXT]
// Writes one line per input: <themeId>\t<themeLabel> ("-" for an unsorted input).
// --seeds: seed themes, one per line, `label<TAB>keyword,keyword,…`, given before the first input.
// --trace: one JSON object per line after each live refinement and at the end (batch: the end),
//   {"after": <inputs so far>, "themes": [{"id": "t1", "label": "…", "size": 12}, …]}.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readTexts, runCluster } from './lib/run-cluster.ts';
import { parseSeedList } from '../src/lib/shared/seed-list.ts';

const USAGE =
	'usage: npm run --silent cluster -- --input FILE [--tsv] [--k N] [--mode batch|live] [--lang nb|en|auto] [--seed N] [--seeds FILE] [--trace FILE] [--question TEXT]';

function usage(problem?: string): never {
	if (problem) console.error(`cluster: ${problem}`);
	console.error(USAGE);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			input: { type: 'string' },
			tsv: { type: 'boolean', default: false },
			k: { type: 'string' },
			mode: { type: 'string', default: 'batch' },
			lang: { type: 'string', default: 'auto' },
			seed: { type: 'string', default: '1' },
			seeds: { type: 'string' },
			trace: { type: 'string' },
			question: { type: 'string' }
		}
	}));
} catch (e) {
	usage((e as Error).message);
}

const mode = values.mode;
const lang = values.lang;
const k = values.k === undefined ? undefined : Number(values.k);
const seed = Number(values.seed);
if (!values.input) usage('--input FILE is required');
if (mode !== 'batch' && mode !== 'live') usage('--mode is batch or live');
if (lang !== 'nb' && lang !== 'en' && lang !== 'auto') usage('--lang is nb, en or auto');
if (k !== undefined && !(Number.isInteger(k) && k >= 1)) usage('--k is a whole number ≥ 1');
if (!(Number.isInteger(seed) && seed >= 0)) usage('--seed is a whole number ≥ 0');

if (values.trace === '') usage('--trace needs a file name');

function read(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (e) {
		console.error(`cluster: cannot read ${path}: ${(e as Error).message}`);
		process.exit(1);
	}
}

const texts = readTexts(read(values.input), values.tsv);
const seeds = values.seeds === undefined ? undefined : parseSeedList(read(values.seeds));
if (seeds && !seeds.length) usage(`--seeds ${values.seeds} holds no seed theme`);
const run = runCluster(texts, { k, mode, lang, seed, seeds, question: values.question });
if (values.trace !== undefined) {
	try {
		writeFileSync(values.trace, run.trace.map((p) => JSON.stringify(p) + '\n').join(''));
	} catch (e) {
		console.error(`cluster: cannot write ${values.trace}: ${(e as Error).message}`);
		process.exit(1);
	}
}
process.stdout.write(
	run.rows.map(([id, label]) => `${id}\t${label}`).join('\n') + (run.rows.length ? '\n' : '')
);
const themes = new Set(run.rows.map(([id]) => id).filter((id) => id !== '-')).size;
const meanChurn = run.churn.length ? run.churn.reduce((a, b) => a + b, 0) / run.churn.length : 0;
console.error(
	`cluster: ${texts.length} inputs, ${themes} themes, ${run.ms.toFixed(0)} ms` +
		(mode === 'live'
			? `, ${run.churn.length} refinements, mean churn ${(100 * meanChurn).toFixed(1)}%`
			: '')
);
