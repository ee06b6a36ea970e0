import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultQueue, replyForFault } from './faults.ts';
import { discordError, parseBody, type Reply, readBody, sendReply } from './http.ts';
import { findRoute, type Route } from './router.ts';
import { channelRoutes } from './routes-channels.ts';
import { commandRoutes } from './routes-commands.ts';
import { interactionRoutes } from './routes-interactions.ts';
import type { RecordedRequest } from './types.ts';
import type { World } from './world.ts';

const ROUTES: readonly Route[] = [...interactionRoutes, ...channelRoutes, ...commandRoutes];

/** What the REST handler needs from the server that owns it. */
export interface RestDependencies {
  world: World;
  faults: FaultQueue;
  gatewayUrl: () => string;
  /** Called once the request has been answered. */
  record: (request: RecordedRequest) => void;
  /** Pending delays, cleared when the fake closes. */
  timers: Set<NodeJS.Timeout>;
}

/** '/api/v10/webhooks/1/t/messages/%40original' → '/webhooks/1/t/messages/@original' (undefined outside /api). */
function toRoutePath(pathname: string): string | undefined {
  const match = /^\/api(?:\/v\d+)?(\/.*)?$/.exec(pathname);
  if (!match) return undefined;
  return (match[1] ?? '/').split('/').map(decodeURIComponent).join('/');
}

function answer(dependencies: RestDependencies, request: RecordedRequest): Reply {
  const found = findRoute(ROUTES, request.method, request.path);
  if (!found) return discordError(404, 0, '404: Not Found');
  if (!found.route.noAuth && !String(request.headers.authorization ?? '').startsWith('Bot ')) {
    return discordError(401, 0, '401: Unauthorized');
  }
  return found.route.handle({
    world: dependencies.world,
    params: found.params,
    query: request.query,
    body: request.body,
    files: request.files,
    gatewayUrl: dependencies.gatewayUrl(),
  });
}

/** Builds the node:http handler for Discord's REST API, with fault injection and recording. */
export function createRestHandler(dependencies: RestDependencies) {
  return async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const time = Date.now();
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(incoming);
    const path = toRoutePath(url.pathname);
    const { body, files } = await parseBody(raw, incoming.headers['content-type']);
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: path ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: incoming.headers,
      body,
      files,
      status: 0,
      time,
    };
    const fault = dependencies.faults.take(request);
    if (fault && 'delayMs' in fault) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          dependencies.timers.delete(timer);
          resolve();
        }, fault.delayMs);
        dependencies.timers.add(timer);
      });
    }
    let reply: Reply;
    if (fault && !('delayMs' in fault)) reply = replyForFault(fault, request);
    else if (path === undefined) reply = discordError(404, 0, '404: Not Found');
    else reply = answer(dependencies, request);
    request.status = reply.status;
    sendReply(response, reply);
    dependencies.record(request);
  };
}
