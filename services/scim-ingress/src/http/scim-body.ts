import express from 'express';
import type { RequestHandler } from 'express';

/**
 * Parses JSON bodies whatever their declared type: IdPs send
 * application/scim+json, application/json, with or without charset, and
 * sometimes nothing at all.
 */
export function scimBody(maxBytes: number): RequestHandler {
  return express.json({ type: () => true, limit: maxBytes, strict: false });
}
