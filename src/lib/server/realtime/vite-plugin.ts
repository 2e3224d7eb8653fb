import type { Server as HttpServer } from 'node:http';
import type { Plugin } from 'vite';
import { getRuntime } from '../runtime';
import { createRealtime } from './index';

/**
 * Attaches the same realtime server to Vite's http server in `vite dev` and `vite preview`.
 * Loaded from vite.config, so it shares the runtime with the app through globalThis.
 */
export function realtimePlugin(): Plugin {
	const attach = async (httpServer: HttpServer | null | undefined) => {
		if (!httpServer || process.env.VITEST) return;
		const runtime = await getRuntime();
		createRealtime(httpServer, runtime);
		httpServer.once('listening', () => {
			const address = httpServer.address();
			if (address && typeof address === 'object') runtime.port = address.port;
		});
	};
	return {
		name: 'innspill-realtime',
		async configureServer(server) {
			await attach(server.httpServer as HttpServer | null);
		},
		async configurePreviewServer(server) {
			await attach(server.httpServer as HttpServer);
		}
	};
}
