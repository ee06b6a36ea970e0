import pg from 'pg';

export interface WatcherOptions {
  url: string;
  channels: readonly string[];
  onNotify(channel: string, payload: string | undefined): void;
  /** After every (re)connection, once LISTEN is in place: notifications sent while away are lost, so re-read. */
  onConnected(): void;
  /** Every `pollMs`, whatever the connection: a lost notification costs at most this long. */
  onPoll(): void;
  onError?(error: Error): void;
  pollMs?: number;
}

export interface Watcher {
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries): reconnects with a backoff
 * of 100 ms doubling to 5 s when the server drops it, and polls meanwhile.
 */
export function watchChanges(options: WatcherOptions): Watcher {
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = 100;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const connect = async () => {
    if (closed) return;
    const current = new pg.Client({ connectionString: options.url, application_name: 'briefing-listen' });
    client = current;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (error) options.onError?.(error);
      current.removeAllListeners('notification');
      void current.end().catch(() => undefined);
      if (!closed) retryTimer = setTimeout(() => void connect(), delay);
      delay = Math.min(5000, delay * 2);
    };
    current.on('error', onLost);
    current.on('end', () => onLost());
    current.on('notification', (message) => options.onNotify(message.channel, message.payload));
    try {
      await current.connect();
      for (const channel of options.channels) await current.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (closed) return void current.end().catch(() => undefined);
    delay = 100;
    resolveReady();
    options.onConnected();
  };

  const poll = setInterval(() => options.onPoll(), options.pollMs ?? 2000);
  poll.unref();
  void connect();

  return {
    ready,
    async close() {
      closed = true;
      clearInterval(poll);
      clearTimeout(retryTimer);
      resolveReady();
      await client?.end().catch(() => undefined);
    },
  };
}
