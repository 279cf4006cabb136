export const userSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';

export const groupSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export const enterpriseUserSchemaUrn =
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export const patchOpSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export const listResponseSchemaUrn =
  'urn:ietf:params:scim:api:messages:2.0:ListResponse';
