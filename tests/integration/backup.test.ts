import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, request } from '../helpers/clients';
import { backend } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';

// `npm run backup` as a real process, next to a running server with the server's environment.
const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'innspill-backup-'));

function backup(env: Record<string, string>, out: string) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/backup.ts', '--out', out], {
			cwd: root,
			env: { ...process.env, ...env }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.once('exit', (code) => resolve({ code, stdout, stderr }));
	});
}

describe('npm run backup', () => {
	let server: RunningServer;
	let id: string;

	beforeAll(async () => {
		server = await startServer();
		const workshop = await createWorkshop(server.url, { title: 'Backup', language: 'nb' });
		const phone = await connect(server.url, { code: workshop.code });
		id = randomUUID();
		const ack = await request<{ ok: boolean }>(phone.socket, 'input:submit', {
			id,
			text: 'Kommer med i kopien'
		});
		expect(ack.ok).toBe(true);
		phone.socket.close();
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(tmp, { recursive: true, force: true });
	});

	if (backend === 'sqlite') {
		it('copies the SQLite database while the server runs, acknowledged inputs included', async () => {
			const out = join(tmp, 'copy.sqlite');
			const run = await backup(server.database.env, out);
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			const copy = new SQLite(out, { readonly: true });
			try {
				expect(copy.prepare('select text from inputs where id = ?').get(id)).toEqual({
					text: 'Kommer med i kopien'
				});
			} finally {
				copy.close();
			}
		});
	} else {
		it('says it needs SQLite and points at pg_dump, and writes nothing', async () => {
			const out = join(tmp, 'copy.sqlite');
			const run = await backup(server.database.env, out);
			expect(run.code).toBe(1);
			expect(run.stderr).toContain('needs SQLite');
			expect(run.stderr).toContain('pg_dump');
			expect(existsSync(out)).toBe(false);
		});
	}
});
