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
