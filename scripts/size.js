// Measures what a phone downloads to run the participant page: every JavaScript module the page
// loads (what the HTML names, followed through static imports), gzip-compressed, against a 60 KB
// budget.
// Starts the built production server on a free port with a throwaway database.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 60;

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` first (`npm run size` does).');
	process.exit(2);
}

const server = spawn(process.execPath, ['server.js'], {
	env: {
		...process.env,
		PORT: '0',
		HOST: '127.0.0.1',
		DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'innspill-size-')), 'size.sqlite'),
		// a throwaway file, never the database a DATABASE_URL in the shell points at
		DATABASE_URL: ''
	},
	stdio: ['ignore', 'pipe', 'inherit']
});
const port = await new Promise((resolve, reject) => {
	let out = '';
	server.stdout.on('data', (chunk) => {
		out += chunk;
		const match = out.match(/listening on [^\s:]+:(\d+)/);
		if (match) resolve(Number(match[1]));
	});
	server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

try {
	const base = `http://127.0.0.1:${port}`;
	const created = await fetch(`${base}/api/workshops`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: 'Size', language: 'nb' })
	}).then((r) => r.json());
	const pageUrl = `${base}/${created.code}`;
	const html = await fetch(pageUrl).then((r) => r.text());

	const nodeIds = (html.match(/node_ids:\s*\[([\d,\s]+)\]/)?.[1] ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	if (nodeIds.length === 0) throw new Error('could not find the route nodes in the page');
	const seen = new Map();
	const queue = [...html.matchAll(/["'(]((?:\.{0,2}\/)*_app\/[^"')]+\.(?:js|css))/g)].map(
		(m) => new URL(m[1], pageUrl).pathname
	);
	while (queue.length) {
		const path = queue.shift();
		if (seen.has(path)) continue;
		const body = Buffer.from(await fetch(base + path).then((r) => r.arrayBuffer()));
		seen.set(path, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
		if (!path.endsWith('.js')) continue;
		const text = body.toString('utf8');
		if (/\/entry\/app\.[\w-]+\.js$/.test(path)) {
			// app.js can import every route lazily; the page asks for its own nodes by number.
			for (const id of nodeIds) {
				const node = text.match(new RegExp(`\\.\\./nodes/${id}\\.[\\w-]+\\.js`));
				if (node) queue.push(new URL(node[0], base + path).pathname);
			}
		}
		// Static imports only: app.js lazily imports every route's code, but a page loads just its own
		// nodes, which the HTML names up front.
		for (const m of text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.(?:js|css))["']/g)) {
			queue.push(new URL(m[1], base + path).pathname);
		}
	}

	const rows = [...seen].sort((a, b) => b[1].gzip - a[1].gzip);
	const sum = (ext, key) =>
		rows.filter(([p]) => p.endsWith(ext)).reduce((n, [, s]) => n + s[key], 0);
	const kb = (n) => (n / 1024).toFixed(1);
	console.log('participant page /<code>: files loaded');
	for (const [path, s] of rows)
		console.log(`  ${kb(s.gzip).padStart(6)} KB gz  ${kb(s.raw).padStart(6)} KB  ${path}`);
	const js = sum('.js', 'gzip');
	console.log(
		`JavaScript: ${kb(js)} KB gzip (${kb(sum('.js', 'raw'))} KB raw), budget ${BUDGET_KB} KB`
	);
	console.log(`CSS: ${kb(sum('.css', 'gzip'))} KB gzip`);
	if (js > BUDGET_KB * 1024) {
		console.error(`over budget by ${kb(js - BUDGET_KB * 1024)} KB`);
		process.exitCode = 1;
	}
} finally {
	server.kill('SIGTERM');
}
