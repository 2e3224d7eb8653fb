// Fills a running Innspill with a realistic kickoff session, to try the control room and the
// projector without a room full of phones:
//   npm run demo -- [--url http://localhost:3000] [--language nb|en]
// Prints the control room and projector links of the new workshop.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const INPUTS = [
	'Prosjektene våre mangler en tydelig prosjektleder',
	'Dårlig prosjektstyring gjør at vi sprekker på tid og budsjett',
	'Project management is ad hoc, deadlines slip every quarter',
	'Uklare roller i prosjektene',
	'For mange møter uten beslutninger',
	'Møtene er lange og uten agenda',
	'Too many meetings, too little time to do the actual work',
	'Informasjon når ikke ut til skiftene i produksjonen',
	'Internal communication between sales and production is poor',
	'Lite deling av informasjon mellom avdelinger',
	'Ledelsen kommuniserer ikke mål og prioriteringer godt nok',
	'Vi mangler gode styringsverktøy og nøkkeltall',
	'Management dashboards are missing, we steer by gut feeling',
	'Excel-ark overalt i stedet for et felles system',
	'Manuell registrering av timer og materialforbruk',
	'Papirskjemaer i produksjonen som tastes inn på nytt',
	'Digitalisering av ordremottak går for tregt',
	'Our ERP system is outdated and hard to use',
	'Systemene snakker ikke sammen, mye dobbeltarbeid',
	'Vanskelig å rekruttere fagarbeidere',
	'Hard to find skilled operators and technicians',
	'Kompetansen sitter i hodet på noen få nøkkelpersoner',
	'Lite tid til opplæring av nyansatte',
	'Lange omstillingstider på maskinene',
	'Uplanlagt stans i produksjonen på grunn av vedlikehold',
	'Machine downtime from lack of preventive maintenance',
	'Flaskehals i lageret: vi finner ikke delene',
	'Leverandører leverer for sent',
	'Supplier delays stop our assembly line',
	'Mye venting på godkjenning fra ledelsen'
];

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
	for (const text of INPUTS.filter((_, i) => i % 6 === p)) {
		await new Promise((resolve) =>
			socket.emit('input:submit', { id: randomUUID(), text }, resolve)
		);
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	socket.close();
}
console.log(`Workshop ${workshop.code} with ${INPUTS.length} inputs`);
console.log(`  control room: ${workshop.urls.facilitator}`);
console.log(`  projector:    ${workshop.urls.projector}`);
console.log(`  board:        ${workshop.urls.board}`);
