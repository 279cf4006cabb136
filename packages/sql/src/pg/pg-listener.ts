import pg from 'pg';
import { assertChannelName } from '../channel-name';
import { translatePgError } from './translate-pg-error';

interface Channel {
  readonly handlers: Set<(payload: string) => void>;
  readonly ready: Promise<void>;
}

interface LostHandler {
  readonly onLost: () => void;
}

/** One dedicated connection that carries every LISTEN of a client. */
export class PgListener {
  #client: Promise<pg.Client> | undefined;
  #active: pg.Client | undefined;
  #channels = new Map<string, Channel>();
  #lostHandlers = new Set<LostHandler>();

  constructor(private readonly config: pg.ClientConfig) {}

  async listen(
    channel: string,
    onNotify: (payload: string) => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>> {
    assertChannelName(channel);
    const client = await this.#connect();

    const entry = this.#channels.get(channel) ?? this.#open(client, channel);
    entry.handlers.add(onNotify);
    const lost = onLost && { onLost };
    if (lost) this.#lostHandlers.add(lost);
    await entry.ready;

    return () => {
      if (lost) this.#lostHandlers.delete(lost);
      return this.#unlisten(client, channel, entry, onNotify);
    };
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#reset();
    if (client) await (await client.catch(() => undefined))?.end();
  }

  #open(client: pg.Client, channel: string): Channel {
    const ready = client.query(`LISTEN ${channel}`).then(
      () => undefined,
      (error: unknown) => {
        throw translatePgError(error);
      },
    );
    const entry: Channel = { handlers: new Set(), ready };
    this.#channels.set(channel, entry);
    return entry;
  }

  async #unlisten(
    client: pg.Client,
    channel: string,
    entry: Channel,
    onNotify: (payload: string) => void,
  ): Promise<void> {
    entry.handlers.delete(onNotify);
    const stillListening =
      this.#active === client && this.#channels.get(channel) === entry;
    if (entry.handlers.size > 0 || !stillListening) return;

    this.#channels.delete(channel);
    await client.query(`UNLISTEN ${channel}`).catch((error: unknown) => {
      throw translatePgError(error);
    });
  }

  #connect(): Promise<pg.Client> {
    this.#client ??= this.#start();
    return this.#client;
  }

  async #start(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    this.#active = client;
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      const handlers = this.#channels.get(message.channel)?.handlers ?? [];
      for (const handler of handlers) handler(message.payload ?? '');
    });

    try {
      await client.connect();
      return client;
    } catch (error) {
      this.#lost(client);
      throw translatePgError(error);
    }
  }

  /** Subscribers are told once; each decides when to listen again. */
  #lost(client: pg.Client): void {
    if (this.#active !== client) return;

    const told = [...this.#lostHandlers.values()];
    this.#reset();
    for (const { onLost } of told) onLost();
  }

  #reset(): void {
    this.#client = undefined;
    this.#active = undefined;
    this.#channels = new Map();
    this.#lostHandlers = new Set();
  }
}
