import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * Flushes SQLite's write-ahead log to disk from libuv's thread pool, so the event loop goes on
 * serving other sockets while the disk catches up. A commit made with `synchronous = NORMAL` is in
 * the log but not yet flushed; once this resolves it survives a power cut, as with `FULL`. The
 * file is opened again if it was replaced (same path, another inode).
 */
export class WalSync {
	private handle: FileHandle | null = null;
	private inode = -1;
	/** The check under way; flushes that start meanwhile share it. */
	private checking: Promise<FileHandle> | null = null;

	constructor(private readonly walPath: string) {}

	/** Resolves once everything written to the log before the call is on disk. */
	async sync(): Promise<void> {
		this.checking ??= this.check().finally(() => (this.checking = null));
		await (await this.checking).datasync();
	}

	private async check(): Promise<FileHandle> {
		const current = await stat(this.walPath);
		if (!this.handle || current.ino !== this.inode) {
			// a flush still running on the old handle finishes before it closes
			await this.handle?.close();
			this.handle = await open(this.walPath, 'r');
			this.inode = (await this.handle.stat()).ino;
		}
		return this.handle;
	}

	async close(): Promise<void> {
		await this.handle?.close();
		this.handle = null;
	}
}
