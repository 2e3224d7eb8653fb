/**
 * What the production server (server.js) needs from our server code, bundled on its own by
 * scripts/build-server.js. The SvelteKit bundle reaches the same runtime through globalThis.
 */
export { getRuntime, resetRuntime } from './runtime';
export { describeTarget } from './db/connection';
export { createRealtime } from './realtime/index';
export { stopRefineWorker } from './clustering/index';
