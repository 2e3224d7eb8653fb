// `npm start` runs this before it builds: when the port is taken (Innspill already running, say),
// it stops here, before the build replaces the files a running server is serving.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** What to tell the person starting the server when the port cannot be had; null for other errors. */
export function portProblem(err, port, host) {
	if (err?.code === 'EADDRINUSE')
		return `Port ${port} is already in use on ${host}: is Innspill already running? Start on another port, e.g. PORT=3001 npm start`;
	if (err?.code === 'EACCES')
		return `Port ${port} on ${host} needs more rights than this user has. Start on a port above 1024, e.g. PORT=3000 npm start`;
	return null;
}

/** Resolves when `port` on `host` can be listened on; rejects with the listen error otherwise. */
export function checkPort(port, host) {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(port, host, () => probe.close(() => resolve()));
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	try {
		await checkPort(port, host);
	} catch (err) {
		console.error(portProblem(err, port, host) ?? `Cannot listen on ${host}:${port}: ${err}`);
		process.exit(1);
	}
}
