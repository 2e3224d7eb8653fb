import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	ThemeEngine,
	refine,
	refineInBackground,
	stopRefineWorker
} from '../../../src/lib/server/clustering/index';
import { loadFixture } from './helpers';

describe('refinement off the hot path', () => {
	afterAll(() => stopRefineWorker());

	it('is a pure function of a serialisable snapshot', () => {
		const e = new ThemeEngine();
		for (const f of loadFixture()) e.add(f);
		const snap = JSON.parse(JSON.stringify(e.snapshot()));
		const a = refine(snap);
		const b = refine(snap);
		expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
	});

	it('gives the same result in a worker thread as inline', async () => {
		const e = new ThemeEngine();
		for (const f of loadFixture()) e.add(f);
		const snap = e.snapshot();
		// Bundled the way production bundles it, which also proves the entry is self-contained.
		const outfile = join(mkdtempSync(join(tmpdir(), 'refine-worker-')), 'refine-worker.mjs');
		const entry = fileURLToPath(
			new URL('../../../src/lib/server/clustering/refine-worker.ts', import.meta.url)
		);
		await build({
			entryPoints: [entry],
			bundle: true,
			platform: 'node',
			format: 'esm',
			outfile,
			logLevel: 'silent'
		});
		const inWorker = await refineInBackground(snap, {
			workerUrl: pathToFileURL(outfile),
			minInputs: 0
		});
		const inline = await refineInBackground(snap);
		expect({ ...inWorker, ms: 0 }).toEqual({ ...inline, ms: 0 });
		const stats = e.applyRefinement(inWorker, snap);
		expect(stats.themes).toBeGreaterThan(1);
	});
});
