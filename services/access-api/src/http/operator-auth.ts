import type { NextFunction, Request, Response } from 'express';
import {
  bearerToken,
  HttpProblem,
  tokenMatchesHash,
} from '@roster/service-kit';

/** Whether the request carries the operator's token (constant time). */
export function isOperator(req: Request, operatorTokenHash: string): boolean {
  const token = bearerToken(req.header('authorization'));
  return token !== null && tokenMatchesHash(token, operatorTokenHash);
}

/** Only the operator passes; 401 otherwise. */
export function operatorAuth(operatorTokenHash: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!isOperator(req, operatorTokenHash)) throw unauthorized();
    next();
  };
}

export function unauthorized(): HttpProblem {
  return new HttpProblem(
    401,
    'Unauthorized',
    'a valid bearer token is required',
    { 'WWW-Authenticate': 'Bearer realm="roster"' },
  );
}
