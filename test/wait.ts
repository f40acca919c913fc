/**
 * How long one spawned process or server may take to start and answer. A CLI call that trains the
 * matcher costs about 3 s of CPU and took up to 30 s on this 2-core machine at load average 10;
 * tests poll for readiness with waitUntil instead of sleeping.
 */
export const SPAWN_TIMEOUT_MS = 60_000;

/** Polls `probe` every `intervalMs` until it returns something truthy, and returns that; throws naming `what` after `timeoutMs`. */
export async function waitUntil<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  options: { what: string; timeoutMs?: number; intervalMs?: number },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? SPAWN_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
