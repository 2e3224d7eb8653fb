import { EventEmitter } from 'node:events';
import type { InputView, WorkshopView } from '../../shared/types';

/**
 * What happened in a workshop, as the domain sees it. The realtime layer listens and decides what
 * each client is sent; form posts and socket commands both end up here, so phones without
 * websockets still reach the projector.
 */
export interface DomainEventMap {
	'input.created': { code: string; input: InputView };
	'input.updated': { code: string; input: InputView };
	'input.deleted': { code: string; id: string; participantId: string; question: number };
	'workshop.updated': { code: string; workshop: WorkshopView };
	/** The themes may have changed; listeners read a snapshot when they are ready to send. */
	'themes.changed': { code: string; question: number };
	'votes.changed': { code: string };
	'board.changed': { code: string; by: string | null };
}

export class DomainEvents {
	private readonly emitter = new EventEmitter();

	constructor() {
		this.emitter.setMaxListeners(100);
	}

	emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void {
		this.emitter.emit(name, payload);
	}

	on<K extends keyof DomainEventMap>(
		name: K,
		listener: (payload: DomainEventMap[K]) => void
	): () => void {
		this.emitter.on(name, listener);
		return () => this.emitter.off(name, listener);
	}
}
