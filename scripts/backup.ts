// npm run backup -- [--out FILE]
//
// An online backup of the SQLite database at DATABASE_PATH (default db/innspill.sqlite), taken
// with SQLite's backup API: safe while the server is running and writing, and the copy is one
// consistent snapshot (WAL contents included). Default output:
// db/backups/innspill-<ISO timestamp>.sqlite. Restoring is described in docs/operations.md.
// SQLite only: a PostgreSQL database (DATABASE_URL) is backed up with pg_dump.
import SQLite from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config';

const { values } = parseArgs({
	options: { out: { type: 'string' }, help: { type: 'boolean', default: false } }
});
if (values.help) {
	console.log(
		'usage: npm run backup -- [--out FILE]   (SQLite only: reads DATABASE_PATH, default db/innspill.sqlite)'
	);
	process.exit(0);
}

const { database } = readConfig();
if (database.dialect !== 'sqlite') {
	console.error('npm run backup needs SQLite, but DATABASE_URL points at PostgreSQL.');
	console.error('Back it up with pg_dump instead (see docs/operations.md).');
	process.exit(1);
}
const databasePath = database.path;
if (databasePath === ':memory:' || !existsSync(databasePath)) {
	console.error(`No database at ${resolve(databasePath)}: nothing to back up.`);
	console.error('Set DATABASE_PATH to the file the server uses (see docs/operations.md).');
	process.exit(1);
}

// Colons are not welcome in file names everywhere (Windows shares, some sync tools).
const stamp = new Date()
	.toISOString()
	.replace(/:/g, '-')
	.replace(/\.\d+Z$/, 'Z');
const out = resolve(values.out ?? `db/backups/innspill-${stamp}.sqlite`);
if (existsSync(out)) {
	console.error(`${out} already exists; choose another --out.`);
	process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });

// fileMustExist: never create an empty database where the real one was expected.
const source = new SQLite(databasePath, { fileMustExist: true, readonly: true });
try {
	source.pragma('busy_timeout = 5000');
	const started = Date.now();
	await source.backup(out);
	const bytes = statSync(out).size;
	const size =
		bytes >= 1024 * 1024
			? `${(bytes / 1024 / 1024).toFixed(1)} MB`
			: `${(bytes / 1024).toFixed(1)} KB`;
	console.log(`backup of ${resolve(databasePath)}`);
	console.log(`  ${out}`);
	console.log(`  ${size} (${bytes} bytes) in ${Date.now() - started} ms`);
} catch (err) {
	console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
	process.exitCode = 1;
} finally {
	source.close();
}
