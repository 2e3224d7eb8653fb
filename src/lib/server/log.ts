/**
 * Structured logs: one JSON object per line on stderr. Fields are chosen by the caller; tokens,
 * cookies and input texts are never passed in, so they never reach a log.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'warn' | 'error', msg: string, fields: Fields, err?: unknown): void {
	const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg, ...fields };
	if (err !== undefined) {
		entry.error = err instanceof Error ? err.message : String(err);
		if (err instanceof Error && err.stack)
			entry.stack = err.stack.split('\n').slice(0, 6).join('\n');
	}
	process.stderr.write(`${JSON.stringify(entry)}\n`);
}

export const log = {
	info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
	warn: (msg: string, fields: Fields = {}, err?: unknown) => write('warn', msg, fields, err),
	error: (msg: string, fields: Fields = {}, err?: unknown) => write('error', msg, fields, err)
};
