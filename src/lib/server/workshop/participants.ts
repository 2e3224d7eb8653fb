import type { Kysely } from 'kysely';
import * as participants from '../db/participant.repository';
import type { Database, ParticipantRow } from '../db/schema';
import { DomainError } from './errors';

/**
 * Stores the participant on its first write. `beforeCreate` runs only when the row is new (the
 * caller's limit on new identities); returns whether this call created it. Takes `db` so that an
 * input's batch can register its writer in the same transaction as the input.
 */
export async function ensureParticipant(
	db: Kysely<Database>,
	code: string,
	participantId: string,
	now: string,
	beforeCreate: () => void = () => {}
): Promise<{ participant: ParticipantRow; created: boolean }> {
	const existing = await participants.findParticipant(db, code, participantId);
	if (existing) return { participant: existing, created: false };
	beforeCreate();
	const created = await participants.insertParticipantOnce(db, {
		id: participantId,
		workshop_code: code,
		name: null,
		organisation: null,
		created_at: now
	});
	const participant = await participants.findParticipant(db, code, participantId);
	// the id belongs to another workshop: refused like any id this workshop does not know
	if (!participant) throw new DomainError('forbidden', 'Unknown participant.');
	return { participant, created };
}
