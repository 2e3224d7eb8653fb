// Applies pending migrations to DATABASE_PATH (default db/innspill.sqlite). The server does this on
// start too; this is for running it on its own, e.g. before a backup restore is put in place.
import { migrateToLatest, openDatabase } from '../src/lib/server/db/connection';
import { readConfig } from '../src/lib/server/config';

const { databasePath } = readConfig();
const connection = openDatabase(databasePath);
try {
	const applied = await migrateToLatest(connection.db);
	console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
	console.log(`database: ${databasePath}`);
} finally {
	await connection.close();
}
