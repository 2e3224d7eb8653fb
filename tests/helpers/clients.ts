import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents, SessionReady } from '../../src/lib/shared/events';

export type TestSocket = Socket<ServerEvents, ClientEvents>;

export interface CreatedWorkshop {
	code: string;
	facilitatorToken: string;
	boardToken: string;
	projectorToken: string;
	urls: { participant: string; facilitator: string; projector: string; board: string };
}

export async function createWorkshop(
	baseUrl: string,
	body: object = { title: 'Kickoff', language: 'nb' }
): Promise<CreatedWorkshop> {
	const res = await fetch(`${baseUrl}/api/workshops`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
	return res.json();
}

/** Connects and resolves with the socket once the server has said who it is. */
export function connect(
	baseUrl: string,
	auth: Record<string, unknown>
): Promise<{ socket: TestSocket; session: SessionReady }> {
	const socket: TestSocket = io(baseUrl, {
		auth,
		transports: ['websocket'],
		reconnection: false,
		forceNew: true
	});
	return new Promise((resolve, reject) => {
		socket.once('session:ready', (session) => resolve({ socket, session }));
		socket.once('connect_error', (err) => {
			socket.close();
			reject(err);
		});
	});
}

/** Connects expecting a refusal; resolves with the error data the server sent. */
export function connectRefused(
	baseUrl: string,
	auth: Record<string, unknown>
): Promise<{ code?: string; message: string }> {
	const socket: TestSocket = io(baseUrl, {
		auth,
		transports: ['websocket'],
		reconnection: false,
		forceNew: true
	});
	return new Promise((resolve, reject) => {
		socket.once('session:ready', () => {
			socket.close();
			reject(new Error('connection was accepted'));
		});
		socket.once('connect_error', (err) => {
			socket.close();
			resolve({
				code: (err as Error & { data?: { code?: string } }).data?.code,
				message: err.message
			});
		});
	});
}

/** Emits a command and resolves with its acknowledgement. */
export function request<T = Record<string, unknown>>(
	socket: TestSocket,
	event: string,
	...args: unknown[]
): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no acknowledgement for ${event}`)), 5000);
		(socket.emit as (event: string, ...rest: unknown[]) => void)(event, ...args, (res: T) => {
			clearTimeout(timer);
			resolve(res);
		});
	});
}

/** Resolves with the next occurrence of a server event. */
export function nextEvent<K extends keyof ServerEvents>(
	socket: TestSocket,
	event: K,
	timeoutMs = 5000
): Promise<Parameters<ServerEvents[K]>[0]> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`no ${event} within ${timeoutMs} ms`)),
			timeoutMs
		);
		(socket.once as (e: string, l: (payload: unknown) => void) => void)(event, (payload) => {
			clearTimeout(timer);
			resolve(payload as Parameters<ServerEvents[K]>[0]);
		});
	});
}

/** Collects every occurrence of an event, for asserting that something did not happen. */
export function collect<K extends keyof ServerEvents>(
	socket: TestSocket,
	event: K
): Parameters<ServerEvents[K]>[0][] {
	const seen: Parameters<ServerEvents[K]>[0][] = [];
	(socket.on as (e: string, l: (payload: unknown) => void) => void)(event, (payload) =>
		seen.push(payload as never)
	);
	return seen;
}

export async function exportWorkshop(baseUrl: string, code: string, token: string) {
	const res = await fetch(`${baseUrl}/api/workshops/${code}/export.json`, {
		headers: { authorization: `Bearer ${token}` }
	});
	if (!res.ok) throw new Error(`export failed: ${res.status}`);
	return res.json() as Promise<{
		inputs: { id: string; text: string; participantId: string }[];
		participants: { id: string }[];
	}>;
}
