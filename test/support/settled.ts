/**
 * For unit specs that settle promises by hand (a held database call, say): no clock is involved, only the event
 * loop. `settle()` lets every promise callback queued so far run (setImmediate runs after them).
 */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether `promise` has settled once the work queued so far has run: "still waiting" is a checkable answer. */
export async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await settle();
  return done;
}
