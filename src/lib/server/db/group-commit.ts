import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';

export interface GroupCommitOptions {
	/** Most writes in one transaction: bounds how long one commit holds the database. */
	maxBatch: number;
	/**
	 * How long a write that arrives right after a commit waits for company, in ms: the batch
	 * starts this long after the previous commit ended. After a quiet spell there is no wait.
	 */
	maxWaitMs: number;
}

export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { maxBatch: 64, maxWaitMs: 2 };

/** Reads the batch bounds from the environment; anything unset or not a number keeps its default. */
export function groupCommitOptions(env: NodeJS.ProcessEnv = process.env): GroupCommitOptions {
	const read = (name: string, fallback: number, min: number) => {
		const value = Number(env[name]);
		return env[name]?.trim() && Number.isFinite(value) && value >= min ? value : fallback;
	};
	return {
		maxBatch: Math.floor(read('WRITE_BATCH_MAX', GROUP_COMMIT_DEFAULTS.maxBatch, 1)),
		maxWaitMs: read('WRITE_BATCH_WAIT_MS', GROUP_COMMIT_DEFAULTS.maxWaitMs, 0)
	};
}

export interface GroupCommitWork<DB, Job, Result> {
	/** Applies one write inside the batch's transaction; the writes before it are visible. */
	apply(trx: Kysely<DB>, job: Job): Promise<Result>;
	/**
	 * Whether an error is the write's own refusal (fails that write only, the batch goes on), so
	 * refuse before writing anything: what a refused write already wrote commits with the batch.
	 * Any other error rolls the whole transaction back.
	 */
	isRefusal(err: unknown): boolean;
	/** Runs after the commit, once per write and in commit order, before its submitter hears. */
	committed?(job: Job, result: Result): void;
}

/** Runs writes in one transaction and resolves once it is committed. */
export type Transact<DB> = <T>(work: (trx: Kysely<DB>) => Promise<T>) => Promise<T>;

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<J, R> {
	job: J;
	resolve(value: R): void;
	reject(error: unknown): void;
}

/**
 * Commits writes that arrive close together in one transaction, so a burst costs one disk flush
 * instead of one per write. A write's promise settles only after the transaction that holds it
 * committed (or after it was refused). One batch is in flight at a time, so the order of commits
 * is the order of submission; writes that arrive meanwhile wait for the next batch.
 */
export class GroupCommit<DB, Job, Result> {
	/** Transactions committed so far (a batch retried row by row counts each of its commits). */
	commits = 0;
	private queue: Pending<Job, Result>[] = [];
	/** Cancels the scheduled start of the next batch, when one is scheduled. */
	private cancelWait: (() => void) | null = null;
	private draining: Promise<void> | null = null;
	/** When the last commit ended (performance.now()); writes soon after it wait for company. */
	private lastCommitAt = -Infinity;
	private closed = false;

	private readonly transact: Transact<DB>;

	constructor(
		db: Kysely<DB>,
		private readonly work: GroupCommitWork<DB, Job, Result>,
		private readonly options: GroupCommitOptions = GROUP_COMMIT_DEFAULTS,
		/** How a batch is committed; by default a plain transaction on `db`. */
		transact?: Transact<DB>
	) {
		this.transact = transact ?? ((run) => db.transaction().execute(run));
	}

	submit(job: Job): Promise<Result> {
		if (this.closed) return Promise.reject(new Error('the database is closing'));
		return new Promise<Result>((resolve, reject) => {
			this.queue.push({ job, resolve, reject });
			this.schedule();
		});
	}

	/** Commits everything submitted so far; resolves when nothing is pending or in flight. */
	async flush(): Promise<void> {
		while (this.queue.length > 0 || this.draining) {
			if (!this.draining) this.start();
			await this.draining;
		}
	}

	/** Refuses new writes and commits the pending ones: call before closing the database. */
	async close(): Promise<void> {
		this.closed = true;
		await this.flush();
	}

	private schedule(): void {
		// a commit in flight picks the queue up when it is done: those writes have waited already
		if (this.draining) return;
		if (this.queue.length >= this.options.maxBatch) this.start();
		else this.cancelWait ??= this.afterWait(() => this.start());
	}

	/**
	 * Writes come in bursts: one right after a commit says more are on their way, so it waits
	 * until maxWaitMs after that commit for them. A write after a quiet spell goes at once, so a
	 * steady trickle pays no wait. "At once" is still after every socket readable now has been
	 * read: what arrived together (e.g. during the previous commit) is committed together.
	 */
	private afterWait(run: () => void): () => void {
		const wait = this.options.maxWaitMs - (performance.now() - this.lastCommitAt);
		if (wait > 0) {
			const timer = setTimeout(run, wait);
			return () => clearTimeout(timer);
		}
		const immediate = setImmediate(run);
		return () => clearImmediate(immediate);
	}

	private start(): void {
		this.cancelWait?.();
		this.cancelWait = null;
		const run = this.drain();
		this.draining = run;
		void run.finally(() => {
			if (this.draining === run) this.draining = null;
			if (this.queue.length > 0) this.schedule();
		});
	}

	private async drain(): Promise<void> {
		while (this.queue.length > 0) {
			await this.commit(this.queue.splice(0, this.options.maxBatch));
		}
	}

	private async commit(batch: Pending<Job, Result>[]): Promise<void> {
		let outcomes: Outcome<Result>[];
		try {
			outcomes = await this.transact(async (trx) => {
				const done: Outcome<Result>[] = [];
				for (const { job } of batch) done.push(await this.attempt(trx, job));
				return done;
			});
		} catch (error) {
			if (batch.length === 1) return batch[0].reject(error);
			// One write broke the transaction itself; alone, each gets its own answer.
			for (const pending of batch) await this.commit([pending]);
			return;
		}
		this.commits++;
		this.lastCommitAt = performance.now();
		batch.forEach((pending, i) => this.settle(pending, outcomes[i]));
	}

	private async attempt(trx: Kysely<DB>, job: Job): Promise<Outcome<Result>> {
		try {
			return { ok: true, value: await this.work.apply(trx, job) };
		} catch (error) {
			if (this.work.isRefusal(error)) return { ok: false, error };
			throw error;
		}
	}

	private settle(pending: Pending<Job, Result>, outcome: Outcome<Result>): void {
		if (!outcome.ok) return pending.reject(outcome.error);
		try {
			this.work.committed?.(pending.job, outcome.value);
		} catch (error) {
			// stored, but a listener failed: the submitter hears of it, as it would without batching
			return pending.reject(error);
		}
		pending.resolve(outcome.value);
	}
}
