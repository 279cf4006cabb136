import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '@roster/service-kit';

/** `application/json` or `application/<anything>+json`, UTF-8. */
const jsonType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const charsetParam = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * The parsed JSON body of a plain node:http request: 415 for another
 * media type or charset, 413 past `limit` bytes, 400 if it is not JSON.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  const charset = charsetParam.exec(type)?.[1]?.toLowerCase() ?? 'utf-8';
  if (!jsonType.test(type) || (charset !== 'utf-8' && charset !== 'utf8')) {
    throw new HttpProblem(
      415,
      'Unsupported media type',
      'send the body as application/json',
    );
  }

  const text = await readText(req, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'Invalid request', 'the body is not JSON');
  }
}

function readText(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge());

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks, size).toString()));
    req.once('error', reject);
  });
}

function tooLarge(): HttpProblem {
  return new HttpProblem(413, 'Payload too large', 'the body is too large');
}
