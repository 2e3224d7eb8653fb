import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface BenchSet {
	name: string;
	file: string;
	labelCol: number;
}

export const BENCH_SETS: BenchSet[] = [
	{ name: 'banking77', file: 'banking77.tsv', labelCol: 1 },
	{ name: 'clinc150 (150 intents)', file: 'clinc150.tsv', labelCol: 1 },
	{ name: 'clinc150 (10 domains)', file: 'clinc150.tsv', labelCol: 3 },
	{ name: 'nb_massive', file: 'nb_massive_subset.tsv', labelCol: 1 },
	{ name: 'en_massive', file: 'en_massive_subset_parallel.tsv', labelCol: 1 }
];

/** The bench folder from argv (default ../shared/bench), or exit with a clear message. */
export function benchDir(arg: string | undefined): string {
	const dir = resolve(arg ?? '../shared/bench');
	const missing = BENCH_SETS.map((s) => s.file).filter((f) => !existsSync(resolve(dir, f)));
	if (missing.length) {
		console.error(
			`bench folder ${dir} is missing ${[...new Set(missing)].join(', ')}; pass the folder as the first argument`
		);
		process.exit(1);
	}
	return dir;
}

export function readLines(path: string): string[] {
	const lines = readFileSync(path, 'utf8').split('\n');
	if (lines.length && lines[lines.length - 1] === '') lines.pop();
	return lines;
}
