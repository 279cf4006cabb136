import { canonicalJson } from '@roster/domain';
import type { AttributeChange } from './timeline-entry';

/** Top-level attributes that differ between two views, sorted by name. */
export function attributeChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): AttributeChange[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);

  return [...names]
    .sort()
    .filter(
      (name) => canonicalJson(before[name]) !== canonicalJson(after[name]),
    )
    .map((attribute) => ({
      attribute,
      before: before[attribute] ?? null,
      after: after[attribute] ?? null,
    }));
}

/** "a, b and c"; at most `max` names, then "and N more". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length === 0) return 'nothing';
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}
