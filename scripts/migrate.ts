// Applies pending migrations to the database the server uses: DATABASE_URL (PostgreSQL) when set,
// otherwise DATABASE_PATH (default db/innspill.sqlite). The server does this on start too; this is
// for running it on its own, e.g. before a backup restore is put in place.
import { describeTarget, migrateToLatest, openDatabase } from '../src/lib/server/db/connection';
import { readConfig } from '../src/lib/server/config';

const { database } = readConfig();
const connection = openDatabase(database);
try {
	const applied = await migrateToLatest(connection.db);
	console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
	console.log(`database: ${describeTarget(database)}`);
} finally {
	await connection.close();
}
