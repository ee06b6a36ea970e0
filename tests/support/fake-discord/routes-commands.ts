import type { APIApplicationCommand } from 'discord.js';
import { createSnowflake } from '../snowflake.ts';
import { validateCommands } from './command-validation.ts';
import { discordError, type Reply } from './http.ts';
import type { Route, RouteContext } from './router.ts';

type CommandBody = Partial<APIApplicationCommand> & Record<string, unknown>;

/** The command list a route addresses (global or one guild's), or an error reply when the scope is not ours. */
function scopeOf({
  world,
  params,
}: RouteContext): { list: APIApplicationCommand[]; guildId?: string } | Reply {
  if (params.app !== world.appId) return discordError(403, 50001, 'Missing Access');
  if (params.guild === undefined) return { list: world.globalCommands };
  if (!world.guilds.some((guild) => guild.id === params.guild))
    return discordError(403, 50001, 'Missing Access');
  const list = world.guildCommands.get(params.guild) ?? [];
  world.guildCommands.set(params.guild, list);
  return { list, guildId: params.guild };
}

/** The stored form Discord returns: the definition with ids, keeping an id when name and type are unchanged. */
function storeCommand(context: RouteContext, body: CommandBody, previous: APIApplicationCommand | undefined) {
  const command: APIApplicationCommand = {
    name_localizations: null,
    description_localizations: null,
    options: [],
    default_member_permissions: null,
    nsfw: false,
    contexts: null,
    integration_types: [0],
    ...(body as object),
    id: previous?.id ?? createSnowflake(),
    application_id: context.world.appId,
    version: createSnowflake(),
    type: body.type ?? 1,
    name: String(body.name),
    description: String(body.description ?? ''),
    ...(context.params.guild ? { guild_id: context.params.guild } : {}),
  };
  return command;
}

function sameCommand(a: Pick<APIApplicationCommand, 'name' | 'type'>, b: CommandBody): boolean {
  return a.name === b.name && (a.type ?? 1) === (b.type ?? 1);
}

/** PUT: replaces the whole list, validating every definition first (as Discord does, all or nothing). */
function overwriteCommands(context: RouteContext): Reply {
  const scope = scopeOf(context);
  if ('status' in scope) return scope;
  const bodies = (Array.isArray(context.body) ? context.body : []) as CommandBody[];
  const invalid = validateCommands(bodies, true);
  if (invalid) return invalid;
  const next = bodies.map((body) =>
    storeCommand(
      context,
      body,
      scope.list.find((c) => sameCommand(c, body)),
    ),
  );
  scope.list.splice(0, scope.list.length, ...next);
  return { status: 200, body: next };
}

/** POST: creates one command, or updates the one with the same name and type (201 when new, 200 otherwise). */
function upsertCommand(context: RouteContext): Reply {
  const scope = scopeOf(context);
  if ('status' in scope) return scope;
  const body = (context.body ?? {}) as CommandBody;
  const invalid = validateCommands([body], false);
  if (invalid) return invalid;
  const index = scope.list.findIndex((c) => sameCommand(c, body));
  const command = storeCommand(context, body, scope.list[index]);
  if (index >= 0) scope.list[index] = command;
  else scope.list.push(command);
  return { status: index >= 0 ? 200 : 201, body: command };
}

/** GET, PATCH or DELETE of one command by id. */
function changeCommand(context: RouteContext, method: 'GET' | 'PATCH' | 'DELETE'): Reply {
  const scope = scopeOf(context);
  if ('status' in scope) return scope;
  const index = scope.list.findIndex((c) => c.id === context.params.command);
  const current = scope.list[index];
  if (!current) return discordError(404, 10063, 'Unknown application command');
  if (method === 'GET') return { status: 200, body: current };
  if (method === 'DELETE') {
    scope.list.splice(index, 1);
    return { status: 204 };
  }
  const merged = { ...current, ...(context.body as CommandBody) };
  const invalid = validateCommands([merged], false);
  if (invalid) return invalid;
  scope.list[index] = storeCommand(context, merged, current);
  return { status: 200, body: scope.list[index] };
}

function commandRoutesUnder(base: string): Route[] {
  const one = `${base}/:command`;
  return [
    { method: 'GET', pattern: base, handle: (c) => withList(c) },
    { method: 'PUT', pattern: base, handle: overwriteCommands },
    { method: 'POST', pattern: base, handle: upsertCommand },
    { method: 'GET', pattern: one, handle: (c) => changeCommand(c, 'GET') },
    { method: 'PATCH', pattern: one, handle: (c) => changeCommand(c, 'PATCH') },
    { method: 'DELETE', pattern: one, handle: (c) => changeCommand(c, 'DELETE') },
  ];
}

function withList(context: RouteContext): Reply {
  const scope = scopeOf(context);
  return 'status' in scope ? scope : { status: 200, body: scope.list };
}

/** Global and guild application-command routes. */
export const commandRoutes: Route[] = [
  ...commandRoutesUnder('/applications/:app/commands'),
  ...commandRoutesUnder('/applications/:app/guilds/:guild/commands'),
];
