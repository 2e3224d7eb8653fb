import { roleRoom, screenRooms } from './rooms';
import type { RealtimeServer } from './types';

/** Counts distinct participants online per workshop; a phone with two tabs counts once. */
export class Presence {
	private readonly byWorkshop = new Map<string, Map<string, number>>();

	join(code: string, participantId: string): number {
		const people = this.byWorkshop.get(code) ?? new Map<string, number>();
		people.set(participantId, (people.get(participantId) ?? 0) + 1);
		this.byWorkshop.set(code, people);
		return people.size;
	}

	leave(code: string, participantId: string): number {
		const people = this.byWorkshop.get(code);
		if (!people) return 0;
		const left = (people.get(participantId) ?? 1) - 1;
		if (left > 0) people.set(participantId, left);
		else people.delete(participantId);
		if (people.size === 0) this.byWorkshop.delete(code);
		return people.size;
	}

	count(code: string): number {
		return this.byWorkshop.get(code)?.size ?? 0;
	}
}

/**
 * Who is online, told to the screens. One node counts its own sockets; several nodes count the
 * participants' sockets on every node (socket.io asks the others over Redis), at most a few times
 * a second per workshop, however many phones join at once.
 */
export class PresenceBoard {
	private readonly local = new Presence();
	private readonly pending = new Map<string, NodeJS.Timeout>();
	/** Across nodes: the last gathered count per workshop. */
	private readonly known = new Map<string, number>();
	private readonly gathering = new Map<string, Promise<number>>();

	constructor(
		private readonly io: RealtimeServer,
		private readonly everyNode: boolean
	) {}

	join(code: string, participantId: string): void {
		this.announce(code, this.local.join(code, participantId));
	}

	leave(code: string, participantId: string): void {
		this.announce(code, this.local.leave(code, participantId));
	}

	/**
	 * Participants online now. Across nodes this is the count last gathered (at most a quarter of
	 * a second old while people come and go): a connecting socket must not wait for every other
	 * node, or thousands of phones joining at once would each ask them all.
	 */
	async count(code: string): Promise<number> {
		if (!this.everyNode) return this.local.count(code);
		return this.known.get(code) ?? this.gather(code);
	}

	/** Asks every node once, however many sockets want the count meanwhile. */
	private gather(code: string): Promise<number> {
		const running = this.gathering.get(code);
		if (running) return running;
		const asked = this.io
			.in(roleRoom(code, 'participant'))
			.fetchSockets()
			.then((sockets) => {
				const n = new Set(sockets.map((s) => s.data.participantId)).size;
				if (n === 0) this.known.delete(code);
				else this.known.set(code, n);
				return n;
			})
			.finally(() => this.gathering.delete(code));
		this.gathering.set(code, asked);
		return asked;
	}

	private announce(code: string, localCount: number): void {
		const send = (participantsOnline: number) => {
			this.io.to(screenRooms(code)).emit('presence:updated', { participantsOnline });
		};
		if (!this.everyNode) return send(localCount);
		if (this.pending.has(code)) return;
		this.pending.set(
			code,
			setTimeout(() => {
				this.pending.delete(code);
				this.gather(code)
					.then(send)
					.catch(() => undefined);
			}, 250)
		);
	}
}
