import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Kysely } from 'kysely';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { log } from '../log';
import type { DomainEvents } from '../workshop/domain-events';
import { ThemeService, type ThemeServiceOptions } from '../workshop/theme.service';
import type { WorkshopService } from '../workshop/workshop.service';
import { ClusterThemes } from './cluster-themes';
import { Leases } from './leases';

export interface Cluster {
	nodeId: string;
	themes: ClusterThemes;
	/** What socket.io needs to reach the other nodes' sockets. */
	serverOptions(): Partial<ServerOptions>;
	/**
	 * Calls `listener` each time Redis is back after an outage: what the nodes broadcast to each
	 * other meanwhile is lost (the adapter drops what it could not add to the stream).
	 */
	onRecovered(listener: () => void): () => void;
	close(): Promise<void>;
}

/**
 * One node of several (REDIS_URL is set): broadcasts travel through a Redis stream, which keeps
 * packets through a short Redis outage, and sessions survive a reconnect to another node
 * (connection-state recovery). Theme engines are leased in the shared database.
 */
export async function createCluster(
	config: Config & { redisUrl: string },
	db: Kysely<Database>,
	events: DomainEvents,
	workshops: WorkshopService,
	options: ThemeServiceOptions
): Promise<Cluster> {
	const nodeId =
		process.env.NODE_ID?.trim() || `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
	const redis = createClient({
		url: config.redisUrl,
		// keep trying through an outage; the adapter resumes the stream where it left off
		socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) }
	});
	redis.on('error', (err) => log.warn('redis', { err: String(err) }));
	handlePublishFailures(redis);
	const recovered = new Set<() => void>();
	let outage = false;
	redis.on('reconnecting', () => (outage = true));
	redis.on('ready', () => {
		if (!outage) return;
		outage = false;
		log.info('redis back', { node: nodeId });
		for (const listener of recovered) listener();
	});
	await redis.connect();

	let themes: ClusterThemes | null = null;
	const leases = new Leases(db, nodeId, config.leaseTtlMs, (code) => themes?.lost(code));
	const local = new ThemeService(db, events, workshops, {
		...options,
		listen: false,
		mayWrite: (code) => leases.holds(code)
	});
	themes = new ClusterThemes(local, leases, events);
	// inputs handed to this node's engines during an outage may be lost: open them afresh
	recovered.add(() => themes?.recovered());
	log.info('cluster node started', { node: nodeId });

	return {
		nodeId,
		themes,
		serverOptions: () => ({
			adapter: createAdapter(redis, {
				streamName: 'innspill',
				heartbeatInterval: 1000,
				heartbeatTimeout: 3000
			}),
			connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true }
		}),
		onRecovered(listener) {
			recovered.add(listener);
			return () => recovered.delete(listener);
		},
		async close() {
			recovered.clear();
			await themes.close();
			await redis.quit().catch(() => undefined);
		}
	};
}

/**
 * The streams adapter sends its passing messages (`serverSideEmit`: an input handed to the node
 * that runs its workshop's theme engine, a call to that node and its reply) with PUBLISH and
 * drops the returned promise. In a Redis outage that promise rejects with nobody to hear it, and
 * Node ends the process: one Redis blip took a node down with every phone connected to it. Every
 * PUBLISH now has a handler; whoever waits for the message has a timeout of its own (a theme
 * call answers "no holder", a phone's outbox sends again), and a stored input reaches the engine
 * from the database when it is next opened.
 */
export function handlePublishFailures(client: {
	publish: (...args: never[]) => Promise<unknown>;
}): void {
	const publish = client.publish.bind(client);
	client.publish = ((...args: never[]) => {
		const sent = publish(...args);
		sent.catch((err: unknown) => log.warn('redis publish failed', { err: String(err) }));
		return sent;
	}) as typeof client.publish;
}
