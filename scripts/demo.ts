// Fills a running Innspill with a realistic kickoff session, to try the control room and the
// projector without a room full of phones:
//   npm run demo -- [--url http://localhost:3000] [--language nb|en]
// Prints the control room and projector links of the new workshop.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { DEMO_INPUTS } from './lib/demo-inputs.ts';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = arg('url', 'http://localhost:3000').replace(/\/$/, '');
const language = arg('language', 'nb');

const created = await fetch(`${url}/api/workshops`, {
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ title: 'Oppstart: effektiv produksjon', language })
}).catch(() => null);
if (!created?.ok) {
	console.error(`No Innspill answered at ${url}: start it with \`npm start\`, or pass --url.`);
	process.exit(1);
}
const workshop = (await created.json()) as { code: string; urls: Record<string, string> };

// Six participants, each sending five inputs a moment apart.
for (let p = 0; p < 6; p++) {
	const socket = io(url, {
		auth: { code: workshop.code },
		transports: ['websocket'],
		forceNew: true
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('session:ready', () => resolve());
		socket.once('connect_error', reject);
	});
	for (const text of DEMO_INPUTS.filter((_, i) => i % 6 === p)) {
		await new Promise((resolve) =>
			socket.emit('input:submit', { id: randomUUID(), text }, resolve)
		);
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	socket.close();
}
console.log(`Workshop ${workshop.code} with ${DEMO_INPUTS.length} inputs`);
console.log(`  control room: ${workshop.urls.facilitator}`);
console.log(`  projector:    ${workshop.urls.projector}`);
console.log(`  board:        ${workshop.urls.board}`);
