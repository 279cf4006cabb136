import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** AES-256-GCM ciphertext of a JSON value, as stored in event data. */
export const sealedBox = z.object({
  alg: z.literal('A256GCM'),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});

export type SealedBox = z.infer<typeof sealedBox>;

/** Encrypts `value` as JSON; `aad` binds the box to where it is stored. */
export function seal(key: Buffer, value: unknown, aad: string): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));

  const plain = Buffer.from(JSON.stringify(value));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    alg: 'A256GCM',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

/** Decrypts a box; throws when the key, the aad or the box is wrong. */
export function open(key: Buffer, box: SealedBox, aad: string): unknown {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    Buffer.from(box.iv, 'base64'),
  );
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));

  const plain = Buffer.concat([
    decipher.update(Buffer.from(box.ct, 'base64')),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
