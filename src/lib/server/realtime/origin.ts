import { isIP } from 'node:net';
import type { Config } from '../config';

/**
 * Names a page may be served under without being configured: addresses, and names no outside
 * site can point at this machine (localhost, mDNS `.local`). A name from a DNS-rebinding attack is
 * none of these, so a page on it cannot open a socket here even though its Origin and the Host
 * header agree.
 */
function hostNeedsNoConfig(hostname: string): boolean {
	const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return (
		isIP(name) !== 0 ||
		name === 'localhost' ||
		name.endsWith('.localhost') ||
		name.endsWith('.local')
	);
}

/**
 * Browsers always name the page that opens a socket; only our own pages may: the configured
 * public address or `ALLOWED_HOSTS`, or the address the request came to when that needs no
 * configuration (see above). Clients that are not browsers (scripts, load tests) send no Origin
 * and go on to the token and code checks.
 */
export function originAllowed(
	origin: string | undefined,
	host: string | undefined,
	config: Pick<Config, 'publicUrl' | 'allowedHosts'>
): boolean {
	if (!origin) return true;
	let from: URL;
	try {
		from = new URL(origin);
	} catch {
		return false;
	}
	if (config.publicUrl !== null && from.origin === new URL(config.publicUrl).origin) return true;
	if (config.allowedHosts.includes(from.hostname.toLowerCase())) return from.host === host;
	return from.host === host && hostNeedsNoConfig(from.hostname);
}
