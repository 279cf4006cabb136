import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeadlineSweep } from './deadline-sweep';

function response(): ServerResponse {
  return new ServerResponse(new IncomingMessage(new Socket()));
}

describe('request deadlines kept by one sweep', () => {
  it('is late once for a request still open past its deadline', async () => {
    const late: ServerResponse[] = [];
    const sweep = new DeadlineSweep(40, (res) => late.push(res));
    const slow = response();
    sweep.watch(slow);

    await sleep(120);

    expect(late).toEqual([slow]);
  });

  it('is never late for a request whose front cleared it in time', async () => {
    const late: ServerResponse[] = [];
    const sweep = new DeadlineSweep(40, (res) => late.push(res));
    const answered = sweep.watch(response());
    const slow = response();
    sweep.watch(slow);

    answered.res = undefined;
    await sleep(120);

    expect(late).toEqual([slow]);
  });

  it('watches again after a quiet spell', async () => {
    const late: ServerResponse[] = [];
    const sweep = new DeadlineSweep(20, (res) => late.push(res));
    sweep.watch(response()).res = undefined;
    await sleep(60);

    const slow = response();
    sweep.watch(slow);
    await sleep(80);

    expect(late).toEqual([slow]);
  });
});
