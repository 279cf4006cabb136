const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** LISTEN takes an identifier, not a parameter: only plain names pass. */
export function assertChannelName(channel: string): string {
  if (!CHANNEL_PATTERN.test(channel)) {
    throw new TypeError(`not a plain lower-case channel name: ${channel}`);
  }
  return channel;
}
