import { EventEmitter, once } from 'node:events';
import type { FailureSample, RuntimeObserver } from '../runtime-observer';

/** An observer whose failures a test can await instead of sleeping. */
export class FailureFeed {
  readonly #emitter = new EventEmitter();
  readonly observer: RuntimeObserver = {
    eventFailed: (sample) => this.#emitter.emit('failed', sample),
  };

  /** The next failure of `eventId`. */
  async next(eventId: string): Promise<FailureSample> {
    for (;;) {
      const [sample] = (await once(this.#emitter, 'failed')) as [FailureSample];
      if (sample.eventId === eventId) return sample;
    }
  }
}
