import type { Migration, MigrationProvider } from 'kysely';
import * as createWorkshops from '../../../../db/migrations/2026_11_21_0001_create_workshops';
import * as createThemes from '../../../../db/migrations/2026_11_21_0002_create_themes';
import * as createVotesAndBoard from '../../../../db/migrations/2026_11_21_0003_create_votes_and_board';
import * as projectorToken from '../../../../db/migrations/2026_11_29_0001_projector_token_and_voting_start';
import * as engineLeases from '../../../../db/migrations/2026_11_29_0002_engine_leases';
import * as votingReveal from '../../../../db/migrations/2026_11_29_0003_voting_timer_and_reveal';
import * as moderation from '../../../../db/migrations/2026_11_29_0004_moderation';
import * as questionOther from '../../../../db/migrations/2026_11_29_0005_question_in_both_languages';
import * as activityDates from '../../../../db/migrations/2026_11_29_0006_activity_year_and_date';
import * as severalQuestions from '../../../../db/migrations/2026_11_29_0007_several_questions';

/**
 * The migrations in db/migrations, listed statically so that both bundles (the SvelteKit app and
 * the realtime server) carry them and nothing reads the file system at start. Add new ones here.
 */
const migrations: Record<string, Migration> = {
	'2026_11_21_0001_create_workshops': createWorkshops,
	'2026_11_21_0002_create_themes': createThemes,
	'2026_11_21_0003_create_votes_and_board': createVotesAndBoard,
	'2026_11_29_0001_projector_token_and_voting_start': projectorToken,
	'2026_11_29_0002_engine_leases': engineLeases,
	'2026_11_29_0003_voting_timer_and_reveal': votingReveal,
	'2026_11_29_0004_moderation': moderation,
	'2026_11_29_0005_question_in_both_languages': questionOther,
	'2026_11_29_0006_activity_year_and_date': activityDates,
	'2026_11_29_0007_several_questions': severalQuestions
};

export const migrationProvider: MigrationProvider = {
	async getMigrations() {
		return migrations;
	}
};
