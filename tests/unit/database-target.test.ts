import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/config';
import { describeTarget } from '../../src/lib/server/db/connection';

describe('which database the server opens', () => {
	it.each([
		[{}, { dialect: 'sqlite', path: 'db/innspill.sqlite' }],
		[
			{ DATABASE_PATH: '/var/lib/innspill/x.sqlite' },
			{ dialect: 'sqlite', path: '/var/lib/innspill/x.sqlite' }
		],
		[
			{ DATABASE_URL: '  ', DATABASE_PATH: 'a.sqlite' },
			{ dialect: 'sqlite', path: 'a.sqlite' }
		],
		[
			{ DATABASE_URL: 'postgres://u:p@db:5432/innspill', DATABASE_PATH: 'a.sqlite' },
			{ dialect: 'postgres', url: 'postgres://u:p@db:5432/innspill' }
		],
		[
			{ DATABASE_URL: 'postgresql://db/innspill?sslmode=require' },
			{ dialect: 'postgres', url: 'postgresql://db/innspill?sslmode=require' }
		]
	])('%j → %j', (env, target) => {
		expect(readConfig(env).database).toEqual(target);
	});

	it.each(['mysql://db/innspill', 'db/innspill.sqlite', 'file:innspill.sqlite'])(
		'refuses DATABASE_URL=%s rather than fall back to SQLite',
		(url) => {
			expect(() => readConfig({ DATABASE_URL: url })).toThrow(/PostgreSQL URL/);
		}
	);

	it('names a PostgreSQL database without its user name, password or parameters', () => {
		const target = {
			dialect: 'postgres',
			url: 'postgres://innspill:s3cret@db:5432/innspill?sslmode=require'
		} as const;
		expect(describeTarget(target)).toBe('postgres://db:5432/innspill');
		expect(describeTarget({ dialect: 'sqlite', path: 'db/innspill.sqlite' })).toBe(
			'db/innspill.sqlite'
		);
	});
});
