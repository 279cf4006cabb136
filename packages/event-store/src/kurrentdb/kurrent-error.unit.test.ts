import {
  DeadlineExceededError,
  NO_STREAM,
  StreamDeletedError as KurrentStreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  StoreUnavailableError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '../errors';
import { fromKurrentError } from './kurrent-error';

const stream = 'tenant:acme:user:1';

describe('fromKurrentError', () => {
  it('turns a wrong expected version into ours with the actual revision', () => {
    const error = new KurrentWrongExpectedVersionError(undefined, {
      streamName: stream,
      expected: 2n,
      current: 5n,
    });

    const mapped = fromKurrentError(error, [{ stream, expected: 2 }]);

    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ stream, expected: 2, actual: 5 });
  });

  it('reports a missing stream as actual null', () => {
    const error = new KurrentWrongExpectedVersionError(undefined, {
      streamName: stream,
      expected: 0n,
      current: NO_STREAM,
    });

    expect(fromKurrentError(error, [{ stream, expected: 0 }])).toMatchObject({
      actual: null,
    });
  });

  it('names the conflicting stream of a multi-stream append', () => {
    const other = 'tenant:acme:username:ada';
    const error = new KurrentWrongExpectedVersionError(undefined, {
      streamName: other,
      expected: NO_STREAM,
      current: 0n,
    });

    const mapped = fromKurrentError(error, [
      { stream, expected: 'no-stream' },
      { stream: other, expected: 'no-stream' },
    ]);

    expect(mapped).toMatchObject({
      stream: other,
      expected: 'no-stream',
      actual: 0,
    });
  });

  it('turns a deleted stream into StreamDeletedError', () => {
    const error = KurrentStreamDeletedError.fromStreamName(stream);

    expect(fromKurrentError(error)).toEqual(new StreamDeletedError(stream));
  });

  it('turns transport failures into StoreUnavailableError', () => {
    expect(
      fromKurrentError(new UnavailableError(undefined, 'down')),
    ).toBeInstanceOf(StoreUnavailableError);
    expect(fromKurrentError(new DeadlineExceededError())).toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('passes anything else through unchanged', () => {
    const error = new Error('bug');

    expect(fromKurrentError(error)).toBe(error);
    expect(fromKurrentError('text')).toBe('text');
  });
});
