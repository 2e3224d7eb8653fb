// Fills a running Innspill with a realistic kickoff session, to try the control room and the
// projector without a room full of phones:
//   npm run demo -- [--url http://localhost:3000] [--language nb|en] [--session FILE]
// --session replays a session of the workshop corpus (bench/workshops/*.json): its question and
// its inputs in the typed order, from twelve phones.
// Prints the control room and projector links of the new workshop.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { DEMO_INPUTS } from './lib/demo-inputs.ts';
import type { Session } from './lib/workshops.ts';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = arg('url', 'http://localhost:3000').replace(/\/$/, '');
const sessionFile = arg('session', '');
const session = sessionFile ? (JSON.parse(readFileSync(sessionFile, 'utf8')) as Session) : null;
const language = arg('language', session?.lang ?? 'nb') as 'nb' | 'en';
const inputs = session ? session.inputs.map((i) => i.text) : DEMO_INPUTS;
const phones = session ? 12 : 6;

const created = await fetch(`${url}/api/workshops`, {
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({
		title: session?.title ?? 'Oppstart: effektiv produksjon',
		language,
		...(session
			? {
					prompt: session.question[language],
					promptOther: session.question[language === 'nb' ? 'en' : 'nb']
				}
			: {})
	})
}).catch(() => null);
if (!created?.ok) {
	console.error(`No Innspill answered at ${url}: start it with \`npm start\`, or pass --url.`);
	process.exit(1);
}
const workshop = (await created.json()) as { code: string; urls: Record<string, string> };

// The phones join, then the inputs arrive in the typed order, each from its phone in turn.
const sockets = [];
for (let p = 0; p < phones; p++) {
	const socket = io(url, {
		auth: { code: workshop.code },
		transports: ['websocket'],
		forceNew: true
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('session:ready', () => resolve());
		socket.once('connect_error', reject);
	});
	sockets.push(socket);
}
for (const [i, text] of inputs.entries()) {
	await new Promise((resolve) =>
		sockets[i % phones].emit('input:submit', { id: randomUUID(), text }, resolve)
	);
	await new Promise((resolve) => setTimeout(resolve, session ? 40 : 150));
}
for (const socket of sockets) socket.close();
console.log(`Workshop ${workshop.code} with ${inputs.length} inputs`);
console.log(`  control room: ${workshop.urls.facilitator}`);
console.log(`  projector:    ${workshop.urls.projector}`);
console.log(`  board:        ${workshop.urls.board}`);
