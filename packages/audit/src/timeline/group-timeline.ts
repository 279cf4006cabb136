import { parseEvent, type DomainEvent } from '@roster/domain';
import type { RecordedEvent } from '@roster/event-store';
import { attributeChanges, listNames } from './attribute-changes';
import { entryOf } from './entry-of';
import type { AttributeChange, TimelineEntry } from './timeline-entry';

type View = Readonly<Record<string, unknown>>;

/**
 * Folds a group's stream into a timeline. Membership changes list the
 * members added and removed, not the whole membership.
 */
export function groupTimeline(
  events: readonly RecordedEvent[],
): TimelineEntry[] {
  let view: View = {};

  return events.map((event) => {
    const domain = parseEvent(event.type, event.version, event.data);
    const next = viewAfter(view, domain);
    const changes = [...attributeChanges(view, next), ...memberChanges(domain)];
    view = next;

    const changed = changes.map((change) => change.attribute);
    return entryOf(event, summaryOf(domain, changed), changes);
  });
}

function viewAfter(view: View, event: DomainEvent): View {
  switch (event.type) {
    case 'GroupCreated':
      return { ...event.data.resource, displayName: event.data.displayName };
    case 'GroupRenamed':
      return { ...view, displayName: event.data.displayName };
    case 'GroupAttributesChanged':
      return { ...event.data.resource, displayName: view['displayName'] };
    case 'GroupDeleted':
      return {};
    default:
      return view;
  }
}

function memberChanges(event: DomainEvent): AttributeChange[] {
  if (event.type !== 'GroupMembershipChanged') return [];

  const { added, removed } = event.data;
  const changes: AttributeChange[] = [];
  if (added.length > 0) {
    changes.push({ attribute: 'members', before: null, after: added });
  }
  if (removed.length > 0) {
    changes.push({ attribute: 'members', before: removed, after: null });
  }
  return changes;
}

function summaryOf(event: DomainEvent, changed: string[]): string {
  switch (event.type) {
    case 'GroupCreated':
      return `created as ${event.data.displayName}`;
    case 'GroupRenamed':
      return `renamed from ${event.data.previousDisplayName} to ${event.data.displayName}`;
    case 'GroupAttributesChanged':
      return `changed ${listNames(changed)}`;
    case 'GroupMembershipChanged':
      return `${event.data.added.length} member(s) added, ${event.data.removed.length} removed`;
    case 'GroupDeleted':
      return 'deleted';
    default:
      return event.type;
  }
}
