import { parseEvent, type DomainEvent } from '@roster/domain';
import type { RecordedEvent } from '@roster/event-store';
import { isErased } from '../personal-data/erased-marker';
import { attributeChanges, listNames } from './attribute-changes';
import { entryOf } from './entry-of';
import type { TimelineEntry } from './timeline-entry';

type View = Readonly<Record<string, unknown>>;

// TODO(limit): group memberships of the user are in the groups' timelines.
/**
 * Folds a user's decoded stream into a timeline: each event with who did
 * it and the attributes it changed, before and after.
 */
export function userTimeline(
  events: readonly RecordedEvent[],
): TimelineEntry[] {
  let view: View = {};

  return events.map((event) => {
    const domain = parseEvent(event.type, event.version, event.data);
    const erased = isErased(event);
    const next = nextView(view, domain, erased);
    const changes = attributeChanges(view, next);
    view = next;
    return entryOf(
      event,
      summaryOf(
        domain,
        changes.map((c) => c.attribute),
        erased,
      ),
      changes,
    );
  });
}

function nextView(view: View, event: DomainEvent, erased: boolean): View {
  switch (event.type) {
    case 'UserProvisioned':
    case 'UserAdopted':
      return visible(
        {
          ...event.data.resource,
          userName: event.data.userName,
          active: event.data.active,
        },
        erased,
      );
    case 'UserAttributesChanged':
      return visible(
        {
          ...event.data.resource,
          userName: event.data.userName,
          active: view['active'],
        },
        erased,
      );
    case 'UserDeactivated':
    case 'UserReactivated':
      return { ...view, active: event.type === 'UserReactivated' };
    case 'UserDeleted':
      return { ...view, active: false };
    case 'PersonalDataErased':
      return pick(view, ['active', 'roles']);
    default:
      return view;
  }
}

/** An erased event shows only what stayed readable: active and roles. */
function visible(view: View, erased: boolean): View {
  return erased ? pick(view, ['active', 'roles']) : view;
}

function pick(view: View, names: readonly string[]): View {
  return Object.fromEntries(
    Object.entries(view).filter(([name]) => names.includes(name)),
  );
}

function summaryOf(
  event: DomainEvent,
  changed: string[],
  erased: boolean,
): string {
  const note = erased ? ' (personal attributes erased)' : '';
  switch (event.type) {
    case 'UserProvisioned':
      return `provisioned by ${event.data.origin === 'scim' ? 'SCIM' : 'an admin'}${note}`;
    case 'UserAdopted':
      return `adopted by SCIM${note}`;
    case 'UserAttributesChanged':
      return `changed ${listNames(changed)}${note}`;
    case 'UserDeactivated':
      return 'deactivated';
    case 'UserReactivated':
      return 'reactivated';
    case 'UserDeleted':
      return `deleted${note}`;
    case 'DirectPermissionGranted':
      return `granted ${event.data.permission} directly`;
    case 'DirectPermissionRevoked':
      return `revoked the direct grant of ${event.data.permission}`;
    case 'PersonalDataErased':
      return 'personal data erased: the key of its attributes was destroyed';
    default:
      return event.type;
  }
}
