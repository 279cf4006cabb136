import { Router } from 'express';
import type { Request } from 'express';
import {
  allResourceTypes,
  allSchemas,
  listResponseSchemaUrn,
  ScimError,
  toResourceTypeRepresentation,
  toSchemaRepresentation,
} from '@roster/scim';
import { scimBaseUrl } from '../http/render-resource';
import { sendScim } from '../http/send-scim';
import type { ScimLimits } from '../scim-limits';
import { serviceProviderConfig } from './service-provider-config';

/** /ServiceProviderConfig, /ResourceTypes and /Schemas, also by id. */
export function discoveryRoutes(limits: ScimLimits): Router {
  const router = Router();
  const schemas = (req: Request) =>
    allSchemas.map((s) => toSchemaRepresentation(s, scimBaseUrl(req)));
  const types = (req: Request) =>
    allResourceTypes.map((t) =>
      toResourceTypeRepresentation(t, scimBaseUrl(req)),
    );

  router.get('/ServiceProviderConfig', (_req, res) =>
    sendScim(res, 200, serviceProviderConfig(limits)),
  );
  router.get('/Schemas', (req, res) =>
    sendScim(res, 200, listOf(schemas(req))),
  );
  router.get('/Schemas/:id', (req, res) =>
    sendScim(res, 200, byId(schemas(req), req.params['id'])),
  );
  router.get('/ResourceTypes', (req, res) =>
    sendScim(res, 200, listOf(types(req))),
  );
  router.get('/ResourceTypes/:id', (req, res) =>
    sendScim(res, 200, byId(types(req), req.params['id'])),
  );
  return router;
}

function listOf(resources: readonly Record<string, unknown>[]) {
  return {
    schemas: [listResponseSchemaUrn],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  };
}

function byId(
  resources: readonly Record<string, unknown>[],
  id: string | undefined,
) {
  const found = resources.find(
    (resource) => String(resource['id']).toLowerCase() === id?.toLowerCase(),
  );
  if (!found) throw new ScimError(404, undefined, `${id ?? ''} not found`);
  return found;
}
