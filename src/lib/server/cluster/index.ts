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
	await redis.connect();

	let themes: ClusterThemes | null = null;
	const leases = new Leases(db, nodeId, config.leaseTtlMs, (code) => themes?.lost(code));
	const local = new ThemeService(db, events, workshops, {
		...options,
		listen: false,
		mayWrite: (code) => leases.holds(code)
	});
	themes = new ClusterThemes(local, leases, events);
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
		async close() {
			await themes.close();
			await redis.quit().catch(() => undefined);
		}
	};
}
