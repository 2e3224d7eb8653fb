import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
		['an unknown option', ['--input', fixture, '--clusters', '5']]
	])('rejects %s with usage and no output', (_, args) => {
		const r = cluster(args);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/usage: npm run --silent cluster/);
	});
});
