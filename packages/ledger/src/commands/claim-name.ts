import { reservationDecider } from '@roster/domain';
import type { NameKind, ReservationState } from '@roster/domain';
import type { Decision } from '../commit';
import { decideSequence } from '../decide-sequence';
import type { LoadedStream } from '../loaded-stream';

/**
 * Claims a unique name for `ownerId`. A claim whose holder never came to
 * exist, or was deleted, is left from a crash between two appends on a
 * store without atomic multi-stream appends: it is taken over.
 */
export function claimName(
  name: LoadedStream<ReservationState>,
  kind: NameKind,
  value: string,
  ownerId: string,
  holderIsLive: boolean,
): Decision {
  const holder = name.state.ownerId;
  const take = { type: 'ClaimName', kind, name: value, ownerId } as const;
  if (holder === null || holder === ownerId || holderIsLive) {
    return decideSequence(name, reservationDecider, [take]);
  }

  const release = { ...take, type: 'ReleaseName', ownerId: holder } as const;
  return decideSequence(name, reservationDecider, [release, take]);
}

/** Frees a name that `ownerId` holds; nothing when it holds none. */
export function releaseName(
  name: LoadedStream<ReservationState>,
  kind: NameKind,
  value: string,
  ownerId: string,
): Decision {
  const release = { type: 'ReleaseName', kind, name: value, ownerId } as const;
  return decideSequence(name, reservationDecider, [release]);
}
