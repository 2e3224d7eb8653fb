import type { Kysely } from 'kysely';
import { migrateToLatest, openDatabase, type Connection } from './db/connection';
import type { Database } from './db/schema';
import { warmUp } from './clustering/index';
import { publicBaseUrl, readConfig, type Config } from './config';
import { loopDelay } from './health';
import { createRateLimits, type RateLimits } from './rate-limit';
import { DomainEvents } from './workshop/domain-events';
import { BoardService } from './workshop/board.service';
import { ModerationService } from './workshop/moderation.service';
import { QuestionService } from './workshop/questions';
import { ThemeService } from './workshop/theme.service';
import type { Themes } from './workshop/themes';
import { createCluster, type Cluster } from './cluster/index';
import { VoteService } from './workshop/vote.service';
import { WorkshopService } from './workshop/workshop.service';

/**
 * Everything the server holds once per process. The SvelteKit bundle and the realtime bundle are
 * separate module instances (and in development, vite.config loads its own copy), so the one
 * runtime lives on globalThis and every side asks for it here.
 */
export interface Runtime {
	config: Config;
	connection: Connection;
	db: Kysely<Database>;
	workshops: WorkshopService;
	themes: Themes;
	/** Set when this node is one of several (REDIS_URL). */
	cluster: Cluster | null;
	votes: VoteService;
	board: BoardService;
	moderation: ModerationService;
	questions: QuestionService;
	limits: RateLimits;
	/** The port the http server listens on, once known; used to build LAN URLs. */
	port: number | null;
	baseUrl(): string;
	close(): Promise<void>;
}

const KEY = Symbol.for('innspill.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

export interface RuntimeOptions {
	config?: Config;
	/** The bundled refinement worker; without it refinements run inline (development). */
	refineWorkerUrl?: URL | string;
}

export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
	const config = options.config ?? readConfig();
	loopDelay(); // start measuring the event loop from the first moment, for /healthz
	const connection = openDatabase(config.database);
	await migrateToLatest(connection.db);
	warmUp(); // before anyone connects, not on the first input
	const events = new DomainEvents();
	const workshops = new WorkshopService(
		connection.db,
		events,
		undefined,
		config.writeBatch,
		connection.writeTransaction
	);
	const themeOptions = { refineWorkerUrl: options.refineWorkerUrl };
	const cluster = config.redisUrl
		? await createCluster(
				{ ...config, redisUrl: config.redisUrl },
				connection.db,
				events,
				workshops,
				themeOptions
			)
		: null;
	const themes: Themes =
		cluster?.themes ?? new ThemeService(connection.db, events, workshops, themeOptions);
	const runtime: Runtime = {
		config,
		connection,
		db: connection.db,
		workshops,
		themes,
		cluster,
		votes: new VoteService(connection.db, events, themes),
		board: new BoardService(connection.db, events, (code, ids, n) =>
			themes.representatives(code, ids, n)
		),
		moderation: new ModerationService(connection.db, events),
		questions: new QuestionService(connection.db, events),
		limits: createRateLimits(),
		port: null,
		baseUrl: () => publicBaseUrl(config, runtime.port),
		async close() {
			// inputs still waiting for their batch are committed before anything else closes
			await workshops.close();
			await (cluster ?? themes).close();
			await connection.close();
		}
	};
	return runtime;
}

/**
 * The process-wide runtime, created (and the database migrated) on first use. Options count only
 * for the first call, which the entry point (server.js or the Vite plugin) makes.
 */
export function getRuntime(options?: RuntimeOptions): Promise<Runtime> {
	const holder = globalThis as Holder;
	holder[KEY] ??= createRuntime(options);
	return holder[KEY];
}

/** For tests and shutdown: forget the process-wide runtime after closing it. */
export async function resetRuntime(): Promise<void> {
	const holder = globalThis as Holder;
	const current = holder[KEY];
	delete holder[KEY];
	if (current) await (await current).close();
}
