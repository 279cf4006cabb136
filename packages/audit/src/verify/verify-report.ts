/** The first event verification found wrong. */
export interface BadEvent {
  readonly stream: string;
  readonly revision: number;
  readonly eventId: string;
  readonly reason: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** Checkpoints whose Merkle root was recomputed and compared. */
  readonly checkpoints: number;
  readonly firstBad?: BadEvent;
}
