import type { ServerResponse } from 'node:http';
import type { HttpProblem } from './http-problem';

/** Answers `status` with a JSON body, over plain node:http. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json; charset=utf-8',
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** An RFC 9457 problem with its headers, over plain node:http. */
export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  for (const [name, value] of Object.entries(problem.headers)) {
    res.setHeader(name, value);
  }
  sendJson(
    res,
    problem.status,
    problem.toBody(),
    'application/problem+json; charset=utf-8',
  );
}
