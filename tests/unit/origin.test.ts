import { describe, expect, it } from 'vitest';
import { originAllowed } from '../../src/lib/server/realtime/origin';

const plain = { publicUrl: null, allowedHosts: [] };
const configured = { publicUrl: 'https://innspill.example.no', allowedHosts: ['workshop.intra'] };

describe('which pages may open a socket (finding 11: DNS-rebinding shape)', () => {
	it.each([
		['no Origin: not a browser', undefined, 'anything', plain, true],
		['the LAN address', 'http://192.168.1.20:3000', '192.168.1.20:3000', plain, true],
		['localhost', 'http://localhost:5173', 'localhost:5173', plain, true],
		['IPv6 loopback', 'http://[::1]:3000', '[::1]:3000', plain, true],
		['an mDNS name', 'http://laptop.local:3000', 'laptop.local:3000', plain, true],
		['a rebound name', 'http://evil.example', 'evil.example', plain, false],
		['another site', 'http://evil.example:3000', '192.168.1.20:3000', plain, false],
		['PUBLIC_URL', 'https://innspill.example.no', 'innspill.example.no', configured, true],
		['ALLOWED_HOSTS', 'https://workshop.intra', 'workshop.intra', configured, true],
		['allowed name, other host', 'https://workshop.intra', 'evil.example', configured, false],
		['a look-alike', 'https://innspill.example.no.evil.example', 'x', configured, false],
		['garbage', 'not a url', 'x', plain, false]
	])('%s', (_, origin, host, config, allowed) => {
		expect(originAllowed(origin, host, config)).toBe(allowed);
	});
});
