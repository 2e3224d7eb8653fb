// Worker-thread entry for the refinement pass. Self-contained (relative imports only) so esbuild
// can bundle it on its own for production.
import { parentPort } from 'node:worker_threads';
import { refine } from './refine';
import type { RefineSnapshot } from './refine-types';

parentPort?.on('message', (msg: { id: number; snapshot: RefineSnapshot }) => {
	try {
		parentPort!.postMessage({ id: msg.id, result: refine(msg.snapshot) });
	} catch (err) {
		parentPort!.postMessage({
			id: msg.id,
			error: err instanceof Error ? err.message : String(err)
		});
	}
});
