// Long work written once as a generator of steps (each `yield` a point where it may pause), run either at once or
// in slices that give the event loop back, so that a running bot keeps answering while the work goes on.
// A step may also yield a piece of work to hand over (`Offload`): run at once by `runToEnd`, on another thread by
// `runInSlices` where it can be; its result comes back as the value of the `yield`.

/** Work a step hands to its runner: `here` does it on this thread; `elsewhere`, if given, without blocking it. */
export interface Offload<T = unknown> {
  here(): T;
  elsewhere?(): Promise<T>;
}

// biome-ignore lint/suspicious/noConfusingVoidType: a bare `yield` (a point to pause at) yields void
export type Steps<T> = Generator<void | Offload, T, unknown>;

/** Runs the steps to the end at once. */
export function runToEnd<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next(step.value ? step.value.here() : undefined);
  return step.value;
}

/** How many light items (passages, words, facts) a step works through between two chances to yield. */
export const ITEMS_PER_STEP = 5_000;
/** The same for documents, each of which takes more work. */
export const DOCUMENTS_PER_STEP = 20;

/**
 * Work done between two chances to give the event loop back: a slice ends at the first step past it, so the
 * longest hold is this plus the longest step (kept under about 15 ms).
 */
export const SLICE_MS = 10;

/**
 * Runs the steps in slices of about `sliceMs` of work each, giving the event loop back between them (with an
 * infinite `sliceMs`, only while work is done elsewhere).
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    const offload = step.value;
    let result: unknown;
    if (offload) result = offload.elsewhere ? await offload.elsewhere() : offload.here();
    // After work done elsewhere, the event loop is given back too: what received its result (a message from the
    // other thread) ran in this same turn.
    if (offload || performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    step = steps.next(result);
  }
  return step.value;
}
