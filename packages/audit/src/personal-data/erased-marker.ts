import type { RecordedEvent } from '@roster/event-store';

/** Metadata key a decoded event carries when its key was destroyed. */
export const ERASED_MARK = 'personalData';

/** The userName an erased event reads with: unique, and no one's name. */
export function erasedUserName(userId: string): string {
  return `erased:${userId}`;
}

export function isErased(event: Pick<RecordedEvent, 'metadata'>): boolean {
  return event.metadata[ERASED_MARK] === 'erased';
}
