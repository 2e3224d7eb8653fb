import type { ThemeEngine } from '../clustering/index';
import type { DomainEventMap } from './domain-events';
import { themeKey } from './theme-key';

/** The domain events that change what the theme engine holds. */
export const INPUT_EVENTS = ['input.created', 'input.updated', 'input.deleted'] as const;

/** A stored change to an input, as the engine follows it. */
export type InputEvent = {
	[K in (typeof INPUT_EVENTS)[number]]: { name: K; payload: DomainEventMap[K] };
}[(typeof INPUT_EVENTS)[number]];

/** Applies one stored change to an input to the engine. */
export function changeInput(engine: ThemeEngine, { name, payload }: InputEvent): void {
	switch (name) {
		case 'input.created':
			engine.add({ id: payload.input.id, text: payload.input.text });
			// hidden, or waiting for approval: in no theme
			if (payload.input.hidden || payload.input.held) engine.setHidden(payload.input.id, true);
			return;
		case 'input.updated':
			// A re-placement only when the words changed: moderation keeps the input's place.
			if (engine.store.inputs.get(payload.input.id)?.text !== payload.input.text) {
				engine.update(payload.input.id, payload.input.text);
			}
			engine.setHidden(payload.input.id, payload.input.hidden || payload.input.held);
			return;
		case 'input.deleted':
			engine.remove(payload.id);
	}
}

/** The themes a stored change belongs to: its input's question's. */
export function inputThemeKey({ payload }: InputEvent): string {
	return themeKey(payload.code, 'input' in payload ? payload.input.question : payload.question);
}
