// Production entry: one http server for SvelteKit's handler and socket.io.
import { createServer } from 'node:http';
import {
	createRealtime,
	describeTarget,
	getRuntime,
	stopRefineWorker
} from './build/innspill/realtime.js';
import { portProblem } from './scripts/port-free.js';

// adapter-node assumes https unless told otherwise, which would make every form post from a phone
// on the venue's plain-http network fail its origin check. A reverse proxy that terminates TLS sets
// X-Forwarded-Proto; without one, the request is plain http and we say so.
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// Forms and JSON bodies here are small; refuse anything larger early.
process.env.BODY_SIZE_LIMIT ??= '64K';
const { handler } = await import('./build/handler.js');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// Opens and migrates the database before anyone can connect.
const runtime = await getRuntime({
	refineWorkerUrl: new URL('./build/innspill/refine-worker.js', import.meta.url)
});
const server = createServer((req, res) => {
	req.headers['x-forwarded-proto'] ??= 'http';
	handler(req, res);
});
const realtime = createRealtime(server, runtime);

// The port is taken (another Innspill, or another server): say so and how to pick another,
// instead of ending on an unhandled error.
server.on('error', async (err) => {
	const problem = portProblem(err, port, host);
	if (!problem) throw err;
	console.error(problem);
	await realtime.close();
	await runtime.close();
	await stopRefineWorker();
	process.exit(1);
});

server.listen(port, host, () => {
	const address = server.address();
	runtime.port = typeof address === 'object' && address ? address.port : port;
	const base = runtime.baseUrl();
	console.log(`Innspill is running (database ${describeTarget(runtime.config.database)})`);
	console.log(`  Facilitator: ${base}/            start a workshop here`);
	console.log(
		`  Participants: ${base}/           join with the code, or scan the QR on the projector`
	);
	console.log(`  This machine: http://localhost:${runtime.port}/`);
	console.log(`listening on ${host}:${runtime.port}`);
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: shutting down`);
	server.close();
	await realtime.close();
	await runtime.close();
	await stopRefineWorker();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
