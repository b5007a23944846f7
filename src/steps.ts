// Long work written once as a generator of steps (each `yield` a point where it may pause), run either at once or
// in slices that give the event loop back, so that a running bot keeps answering while the work goes on.

/** Runs the steps to the end at once. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Work done between two chances to give the event loop back. */
export const SLICE_MS = 20;

/** Runs the steps in slices of about `sliceMs` of work each, giving the event loop back between them. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
