import express from 'express';

/** JSON bodies up to `limit`, also as `application/*+json`. */
export function jsonBody(limit = '256kb') {
  return express.json({
    limit,
    type: ['application/json', 'application/*+json'],
  });
}
