/** Spawned processes and servers take seconds to start on a loaded CI machine: tests poll for readiness instead of sleeping. */
export const SPAWN_TIMEOUT_MS = 30_000;

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
