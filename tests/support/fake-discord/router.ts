import type { Reply } from './http.ts';
import type { RecordedFile } from './types.ts';
import type { World } from './world.ts';

/** What a route handler gets: the shared world and the parsed request. */
export interface RouteContext {
  world: World;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  gatewayUrl: string;
}

/** One REST route; `pattern` segments starting with ':' are parameters. Webhook routes take no bot token. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  noAuth?: boolean;
  handle(context: RouteContext): Reply;
}

/** Finds the route for a decoded path and extracts its parameters. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) params[part.slice(1)] = segment;
      return part.startsWith(':') ? segment.length > 0 : part === segment;
    });
    if (fits) return { route, params };
  }
  return undefined;
}
