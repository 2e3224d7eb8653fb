// When the live engine runs a refinement. The app and `npm run cluster -- --mode live` use the
// same rule: a refinement is due once enough changes piled up since the last one (a share of
// the workshop, so large workshops are not refined on every input); in the app a debounce also
// fires it when input stops arriving for a moment.

export const REFINE_MIN_CHANGES = 8;
export const REFINE_GROWTH_SHARE = 0.05;
/** app only: quiet time after the last change before refining */
export const REFINE_DEBOUNCE_MS = 1500;
/** app only: refine at least this often while changes keep arriving */
export const REFINE_MAX_WAIT_MS = 10_000;
/**
 * From this many inputs on the app runs the refinement in a worker thread. A pass over 100 inputs
 * already takes 5–25 ms, long enough to hold up the acknowledgements queued behind it; below
 * this it takes a few milliseconds and the hand-over would cost as much.
 */
export const WORKER_MIN_INPUTS = 60;

export function refineDue(changesSinceRefine: number, inputs: number): boolean {
	return (
		changesSinceRefine >= Math.max(REFINE_MIN_CHANGES, Math.ceil(REFINE_GROWTH_SHARE * inputs))
	);
}
