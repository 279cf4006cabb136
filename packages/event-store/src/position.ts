/**
 * A place in the global log. Positions of one store compare correctly as
 * plain strings; START is before every event.
 */
export type Position = string;

export const START: Position = '';

/** Encodes two unsigned 64-bit parts so that string order is tuple order. */
export function encodePosition(major: bigint, minor: bigint): Position {
  return `${hex16(major)}.${hex16(minor)}`;
}

export function decodePosition(position: Position): [bigint, bigint] {
  if (position === START) return [0n, 0n];

  const match = /^([0-9a-f]{16})\.([0-9a-f]{16})$/.exec(position);
  if (!match?.[1] || !match[2]) throw new Error(`not a position: ${position}`);

  return [BigInt(`0x${match[1]}`), BigInt(`0x${match[2]}`)];
}

export function maxPosition(a: Position, b: Position): Position {
  return a > b ? a : b;
}

function hex16(value: bigint): string {
  return value.toString(16).padStart(16, '0');
}
