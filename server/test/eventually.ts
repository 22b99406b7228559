/**
 * Polls until `probe` answers (not undefined), for effects that follow asynchronously (inbox sync,
 * connectors). `lastSeen` describes the state in the timeout message.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  lastSeen: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${lastSeen()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
