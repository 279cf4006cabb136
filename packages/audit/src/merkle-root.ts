import { createHash } from 'node:crypto';

/** The last event of a stream: what a checkpoint seals. */
export interface StreamHead {
  readonly stream: string;
  readonly revision: number;
  /** Hash of the stored last event (hex SHA-256). */
  readonly hash: string;
}

/**
 * Merkle root (hex SHA-256) over stream heads sorted by stream name. A
 * leaf is H(0x00 | stream \n revision \n hash), an inner node
 * H(0x01 | left | right); an odd last node is carried up unchanged. The
 * root of no streams is H(0x00).
 */
export function merkleRoot(heads: Iterable<StreamHead>): string {
  const sorted = [...heads].sort((a, b) => compare(a.stream, b.stream));
  let level = sorted.map(leafOf);
  if (level.length === 0) return sha256(Buffer.from([0])).toString('hex');

  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let index = 0; index < level.length; index += 2) {
      const left = level[index];
      const right = level[index + 1];
      if (!left) break;
      next.push(right ? nodeOf(left, right) : left);
    }
    level = next;
  }
  return (level[0] ?? Buffer.alloc(32)).toString('hex');
}

function leafOf(head: StreamHead): Buffer {
  const text = `${head.stream}\n${head.revision}\n${head.hash}`;
  return sha256(Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
}

function nodeOf(left: Buffer, right: Buffer): Buffer {
  return sha256(Buffer.concat([Buffer.from([1]), left, right]));
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
