// Bundles the realtime server code that server.js loads next to SvelteKit's handler.
import { build } from 'esbuild';

await build({
	entryPoints: {
		realtime: 'src/lib/server/entry.ts',
		'refine-worker': 'src/lib/server/clustering/refine-worker.ts'
	},
	outdir: 'build/innspill',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
console.log('built build/innspill/realtime.js and refine-worker.js');
