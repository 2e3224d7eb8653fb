// npm run --silent cluster -- --input FILE [--tsv] [--k N] [--mode batch|live] [--lang nb|en|auto] [--seed N]
// Writes one line per input: <themeId>\t<themeLabel> ("-" for an unsorted input).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readTexts, runCluster } from './lib/run-cluster.ts';

const USAGE =
	'usage: npm run --silent cluster -- --input FILE [--tsv] [--k N] [--mode batch|live] [--lang nb|en|auto] [--seed N]';

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
			seed: { type: 'string', default: '1' }
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

let content: string;
try {
	content = readFileSync(values.input, 'utf8');
} catch (e) {
	console.error(`cluster: cannot read ${values.input}: ${(e as Error).message}`);
	process.exit(1);
}
const texts = readTexts(content, values.tsv);
const run = runCluster(texts, { k, mode, lang, seed });
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
