import type { Role } from '../../shared/types';

/** One room per workshop, one per role inside it, one per participant (their phones and tabs). */
export const workshopRoom = (code: string) => `w:${code}`;
export const roleRoom = (code: string, role: Role) => `w:${code}:${role}`;
export const participantRoom = (code: string, participantId: string) =>
	`w:${code}:p:${participantId}`;

/** Rooms that see what the room's screen shows: themes, dots, who is online. */
export const screenRooms = (code: string) => [...staffRooms(code), roleRoom(code, 'projector')];

/** Rooms that see every input of a workshop. */
export const staffRooms = (code: string) => [
	roleRoom(code, 'facilitator'),
	roleRoom(code, 'board')
];
