/**
 * One schema per payload, shared by socket events, form actions and the HTTP API. The payload
 * types in `events.ts` come from these schemas, so the contract and its check cannot drift apart.
 */
export * from './text';
export * from './ids';
export * from './workshop';
export * from './themes';
export * from './board';
