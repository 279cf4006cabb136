import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring, for a process that answers
 * a stream of short requests. In about a third of the access API's starts
 * V8 chose to allocate some request objects straight in old space; every
 * scavenge then copied what they pointed to, scavenges took 6 ms instead
 * of under 2, and the check p99 rose from about 10 ms to 35-200 ms. Call
 * before serving: it holds for the rest of the process.
 */
export function keepGcPausesShort(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
