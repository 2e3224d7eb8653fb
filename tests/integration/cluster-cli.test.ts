import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The measuring contract of `npm run cluster`, run as a real process on files.
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(
	new URL('../unit/clustering/fixtures/workshop-bottlenecks.tsv', import.meta.url)
);
const fixtureLines = 60;
const tmp = mkdtempSync(join(tmpdir(), 'innspill-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const emptySeeds = join(tmp, 'no-seeds.tsv');
writeFileSync(emptySeeds, '# only a comment\n\n');

function cluster(args: string[]) {
	const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/cluster.ts', ...args], {
		cwd: root,
		encoding: 'utf8'
	});
	const lines = r.stdout === '' ? [] : r.stdout.replace(/\n$/, '').split('\n');
	return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
}

/** Every line is `<themeId>\t<label>`; one theme id has one label; `-` has none. */
function expectWellFormed(lines: string[]) {
	const labelOf = new Map<string, string>();
	for (const line of lines) {
		const parts = line.split('\t');
		expect(parts).toHaveLength(2);
		const [id, label] = parts;
		expect(id).not.toBe('');
		if (id === '-') expect(label).toBe('');
		else {
			expect(label.trim()).not.toBe('');
			expect(labelOf.get(id) ?? label).toBe(label);
			labelOf.set(id, label);
		}
	}
	return new Set(labelOf.keys());
}

describe('npm run cluster', () => {
	it('writes one line per input in batch mode, grouping the fixture into several themes', () => {
		const r = cluster(['--input', fixture, '--tsv']);
		expect(r.code).toBe(0);
		expect(r.lines).toHaveLength(fixtureLines);
		expect(expectWellFormed(r.lines).size).toBeGreaterThanOrEqual(3);
	});

	it('gives exactly k themes with --k, and the same output for the same seed', () => {
		const a = cluster(['--input', fixture, '--tsv', '--k', '4', '--mode', 'live', '--seed', '2']);
		const b = cluster(['--input', fixture, '--tsv', '--k', '4', '--mode', 'live', '--seed', '2']);
		expect(a.code).toBe(0);
		expect(a.lines).toHaveLength(fixtureLines);
		expect(expectWellFormed(a.lines).size).toBe(4);
		expect(b.stdout).toBe(a.stdout);
		expect(a.stderr).toMatch(/refinements/);
	});

	it('keeps inputs with no words in place as unsorted lines', () => {
		const file = join(tmp, 'odd.txt');
		const texts = [
			'Vi mangler prosjektledelse',
			'',
			'🙂🙂',
			'https://example.com/x',
			'2024',
			'Prosjektledelse og prosjektstyring er svakt',
			'We lack project management'
		];
		writeFileSync(file, texts.join('\n') + '\n');
		const r = cluster(['--input', file, '--mode', 'live']);
		expect(r.code).toBe(0);
		expect(r.lines).toHaveLength(texts.length);
		expectWellFormed(r.lines);
		for (const i of [1, 2, 3, 4]) expect(r.lines[i]).toBe('-\t');
	});

	it('--trace writes the themes after every live refinement and at the end', () => {
		const trace = join(tmp, 'trace.jsonl');
		const r = cluster(['--input', fixture, '--tsv', '--mode', 'live', '--trace', trace]);
		expect(r.code).toBe(0);
		const points = readFileSync(trace, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		// a refinement is due every max(8, 5 %) changes, and one more runs after the last input
		expect(points.length).toBeGreaterThanOrEqual(Math.floor(fixtureLines / 8));
		const afters = points.map((p) => p.after);
		expect(afters).toEqual([...afters].sort((a, b) => a - b));
		expect(afters[afters.length - 1]).toBe(fixtureLines);
		for (const p of points)
			for (const t of p.themes) {
				expect(Object.keys(t).sort()).toEqual(['id', 'label', 'size']);
				expect(t.id).toMatch(/^t\d+$/);
				expect(t.label).not.toBe('');
			}
		// the last point is the grouping printed on stdout
		const last = points[points.length - 1].themes as { id: string; label: string; size: number }[];
		const printed = new Map<string, number>();
		for (const line of r.lines) {
			const [id] = line.split('\t');
			if (id !== '-') printed.set(id, (printed.get(id) ?? 0) + 1);
		}
		expect(new Map(last.filter((t) => t.size > 0).map((t) => [t.id, t.size]))).toEqual(printed);
	});

	it('--seeds gives seed themes their own labels and pulls the inputs that name them', () => {
		const texts = [
			'Vi har ingen 5S-tavle på avdelingen',
			'Kaffemaskinen er treg',
			'Leanprosjektet stoppet opp i fjor',
			'Systemet henger hele tiden',
			'Standardisering av arbeidsmåter mangler',
			'ERP-systemet er tregt'
		];
		const input = join(tmp, 'seeded.txt');
		writeFileSync(input, texts.join('\n') + '\n');
		const seeds = join(tmp, 'seeds.tsv');
		writeFileSync(
			seeds,
			'# last year\nLean og 5S\tlean,5S,standardisering\nStyringsverktøy\tERP, styringssystem\n'
		);
		const r = cluster(['--input', input, '--mode', 'live', '--seeds', seeds]);
		expect(r.code).toBe(0);
		const rows = r.lines.map((l) => l.split('\t'));
		for (const i of [0, 2, 4]) expect(rows[i]).toEqual(['t1', 'Lean og 5S']);
		expect(rows[5]).toEqual(['t2', 'Styringsverktøy']);
	});

	it('says so when the input file cannot be read', () => {
		const r = cluster(['--input', join(tmp, 'missing.txt')]);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/cannot read .*missing\.txt/);
	});

	it.each([
		['no --input', ['--tsv']],
		['--k 0', ['--input', fixture, '--k', '0']],
		['--k 2.5', ['--input', fixture, '--k', '2.5']],
		['--mode fast', ['--input', fixture, '--mode', 'fast']],
		['--lang de', ['--input', fixture, '--lang', 'de']],
		['--seed -1', ['--input', fixture, '--seed', '-1']],
		['an unknown option', ['--input', fixture, '--clusters', '5']],
		['--seeds with no seed theme', ['--input', fixture, '--seeds', emptySeeds]],
		['--trace without a file name', ['--input', fixture, '--mode', 'live', '--trace', '']]
	])('rejects %s with usage and no output', (_, args) => {
		const r = cluster(args);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/usage: npm run --silent cluster/);
	});
});
