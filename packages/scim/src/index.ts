export * from './errors/scim-error';
export * from './schema/attribute-definition';
export * from './schema/attribute-path';
export * from './schema/schema-urns';
export { commonAttributes } from './schema/common-attributes';
export { userSchema } from './schema/user-schema';
export { enterpriseUserSchema } from './schema/enterprise-user-schema';
export { groupSchema } from './schema/group-schema';
export * from './schema/resource-type';
export * from './schema/schema-representation';
export type * from './resource/json-value';
export { isJsonObject } from './resource/json-value';
export type { ValidationIssue } from './resource/validation-issue';
export { coerceBoolean } from './resource/coerce-boolean';
export {
  validateResource,
  type ValidationResult,
} from './resource/validate-resource';
export { namedAttributes } from './resource/named-attributes';
export { normaliseResource } from './resource/normalise-resource';
export type * from './filter/filter-ast';
export * from './filter/filter-limits';
export { parseFilter } from './filter/parse-filter';
export { printFilter } from './filter/print-filter';
export { compileFilter, type ResourcePredicate } from './filter/compile-filter';
export * from './sql/sql-target';
export { translateFilter } from './sql/translate-filter';
export { sortSql } from './sql/sort-sql';
export { sqlColumnValues, type SqlColumnValue } from './sql/sql-column-values';
export type * from './patch/patch-operation';
export { parsePatchPath } from './patch/parse-patch-path';
export {
  parsePatchRequest,
  defaultPatchLimits,
  type PatchLimits,
} from './patch/parse-patch-request';
export { applyPatch } from './patch/apply-patch';
export {
  memberType,
  planGroupPatch,
  type GroupPatchPlan,
  type Member,
  type MembershipLookup,
} from './patch/plan-group-patch';
export {
  selectAttributes,
  type AttributeSelection,
} from './selection/select-attributes';
export type { SortOrder } from './selection/bind-sort-path';
export { compareResources } from './selection/compare-resources';
export { isUnstorableText } from './unstorable-text';
