import { networkInterfaces } from 'node:os';
import { DEFAULT_DATABASE_PATH, type DatabaseTarget } from './db/connection';
import { groupCommitOptions, type GroupCommitOptions } from './db/group-commit';

export interface Config {
	/** DATABASE_URL (PostgreSQL) when set, otherwise the SQLite file at DATABASE_PATH. */
	database: DatabaseTarget;
	/** Set when the app sits behind a proxy or a fixed host name; otherwise built from the LAN address. */
	publicUrl: string | null;
	/** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
	trustProxy: boolean;
	/** Host names (besides PUBLIC_URL's) that pages may be served under; lower case. */
	allowedHosts: string[];
	/** Several nodes: the Redis that carries broadcasts between them (null: one node). */
	redisUrl: string | null;
	/** How long a node's lease on a workshop's theme engine lasts without renewal (ms). */
	leaseTtlMs: number;
	/** How inputs are grouped into transactions (WRITE_BATCH_MAX, WRITE_BATCH_WAIT_MS). */
	writeBatch: GroupCommitOptions;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const publicUrl = env.PUBLIC_URL?.trim();
	return {
		database: databaseTarget(env),
		publicUrl: publicUrl ? publicUrl.replace(/\/+$/, '') : null,
		trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
		allowedHosts: (env.ALLOWED_HOSTS ?? '')
			.split(',')
			.map((h) => h.trim().toLowerCase())
			.filter(Boolean),
		redisUrl: env.REDIS_URL?.trim() || null,
		leaseTtlMs: Number(env.LEASE_TTL_MS) > 0 ? Number(env.LEASE_TTL_MS) : 6000,
		writeBatch: groupCommitOptions(env)
	};
}

function databaseTarget(env: NodeJS.ProcessEnv): DatabaseTarget {
	const url = env.DATABASE_URL?.trim();
	if (!url) return { dialect: 'sqlite', path: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH };
	// A mistyped URL must not quietly start the app on an empty SQLite file instead.
	if (!/^postgres(ql)?:\/\//.test(url)) {
		throw new Error(
			'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host/database'
		);
	}
	return { dialect: 'postgres', url };
}

/**
 * The first non-internal IPv4 address, so that the join link works from phones on the same
 * network as the laptop; loopback only when the machine has no network at all.
 */
export function lanAddress(): string {
	const candidates: string[] = [];
	for (const addresses of Object.values(networkInterfaces())) {
		for (const a of addresses ?? []) {
			if (a.family === 'IPv4' && !a.internal) candidates.push(a.address);
		}
	}
	// Prefer the private ranges a venue's Wi-Fi hands out over container bridges and VPNs.
	const privateRange = candidates.find((a) =>
		/^(192\.168\.|10\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a)
	);
	return privateRange ?? candidates[0] ?? '127.0.0.1';
}

export function publicBaseUrl(config: Config, port: number | null): string {
	if (config.publicUrl) return config.publicUrl;
	return `http://${lanAddress()}${port && port !== 80 ? `:${port}` : ''}`;
}

/**
 * The client's address: the socket's own, or, behind a trusted proxy, the last X-Forwarded-For
 * entry — the one our proxy added; earlier entries come from the client and can be forged.
 */
export function clientAddress(
	remote: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustProxy: boolean
): string {
	const forwarded = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
	if (trustProxy && forwarded) return forwarded.split(',').at(-1)!.trim();
	return remote ?? 'unknown';
}
