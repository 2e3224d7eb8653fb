/**
 * One schema per payload, shared by socket events, form actions and the HTTP API. The payload
 * types in `events.ts` come from these schemas, so the contract and its check cannot drift apart.
 *
 * valibot rather than zod: its checks are separate functions, so a bundle carries only the ones
 * it uses (these schemas sit in `shared/`, where a phone's page could import them), it has no
 * dependencies, and its pipelines read as the rule they enforce (type, check, normalise, limit).
 */
export * from './text';
export * from './ids';
export * from './workshop';
export * from './themes';
export * from './board';
