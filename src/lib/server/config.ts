import { networkInterfaces } from 'node:os';
import { DEFAULT_DATABASE_PATH } from './db/connection';

export interface Config {
	databasePath: string;
	/** Set when the app sits behind a proxy or a fixed host name; otherwise built from the LAN address. */
	publicUrl: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const publicUrl = env.PUBLIC_URL?.trim();
	return {
		databasePath: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH,
		publicUrl: publicUrl ? publicUrl.replace(/\/+$/, '') : null
	};
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
