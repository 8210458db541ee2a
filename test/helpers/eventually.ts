// eventually: polls a condition until it holds, for tests that wait on another process or socket.

/** Polls `check` every `everyMs` until it is true, or throws after `ms`. */
export async function eventually(
  check: () => boolean,
  what: string,
  ms = 30_000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
