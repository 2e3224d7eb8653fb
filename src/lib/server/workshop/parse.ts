import * as v from 'valibot';
import type { ErrorCode } from '../../shared/types';
import { DomainError } from './errors';

const CODED = /^([a-z_]+): ([\s\S]*)$/;

/**
 * Checks a payload against its schema and returns the typed, normalised value; the first problem
 * becomes the refusal the client is told (`invalid_payload` unless the schema names a code).
 */
export function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, value, { abortEarly: true });
	if (result.success) return result.output;
	const issue = result.issues[0];
	const coded = CODED.exec(issue.message);
	if (coded) throw new DomainError(coded[1] as ErrorCode, coded[2]);
	const where = v.getDotPath(issue);
	throw new DomainError(
		'invalid_payload',
		where ? `${where.slice(0, 40)}: ${issue.message}` : issue.message
	);
}
