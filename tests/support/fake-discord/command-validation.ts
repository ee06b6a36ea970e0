import type { LocaleString } from 'discord.js';
import { discordError, type Reply } from './http.ts';

/** Every locale Discord accepts as a localization key (note: 'fr', not 'fr-FR'). */
// biome-ignore format: a table reads better packed
const LOCALES: Record<LocaleString, true> = {
  id: true, 'en-US': true, 'en-GB': true, bg: true, 'zh-CN': true, 'zh-TW': true, hr: true, cs: true, da: true,
  nl: true, fi: true, fr: true, de: true, el: true, hi: true, hu: true, it: true, ja: true, ko: true, lt: true,
  no: true, pl: true, 'pt-BR': true, ro: true, ru: true, 'es-ES': true, 'es-419': true, 'sv-SE': true, th: true,
  tr: true, uk: true, vi: true,
};

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Issue = { path: string[]; code: string; message: string };
type Shape = Record<string, unknown>;

function checkName(value: unknown, path: string[], issues: Issue[]): void {
  if (typeof value !== 'string' || !NAME.test(value) || value !== value.toLowerCase()) {
    issues.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  }
}

function checkLength(value: unknown, max: number, path: string[], issues: Issue[]): void {
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    issues.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${max} in length.` });
  }
}

function checkLocalizations(
  map: unknown,
  path: string[],
  issues: Issue[],
  check: (v: unknown, p: string[]) => void,
) {
  if (map === undefined || map === null) return;
  for (const [locale, value] of Object.entries(map as Shape)) {
    if (!(locale in LOCALES)) {
      issues.push({
        path: [...path, locale],
        code: 'ENUM_TYPE_COERCE',
        message: `Value "${locale}" is not a valid enum value.`,
      });
    } else {
      check(value, [...path, locale]);
    }
  }
}

/** Checks a name, description and their localizations, like Discord does for commands and options. */
function checkNamed(item: Shape, path: string[], issues: Issue[], chatInput: boolean): void {
  // Context-menu command names may hold capitals and spaces; slash-command names may not.
  const name = chatInput
    ? (v: unknown, p: string[]) => checkName(v, p, issues)
    : (v: unknown, p: string[]) => checkLength(v, 32, p, issues);
  name(item.name, [...path, 'name']);
  checkLocalizations(item.name_localizations, [...path, 'name_localizations'], issues, name);
  if (!chatInput) return;
  checkLength(item.description, 100, [...path, 'description'], issues);
  const localizations = [...path, 'description_localizations'];
  checkLocalizations(item.description_localizations, localizations, issues, (v, p) =>
    checkLength(v, 100, p, issues),
  );
}

function checkOptions(options: unknown, path: string[], issues: Issue[]): void {
  if (options === undefined) return;
  const list = options as Shape[];
  if (list.length > 25)
    issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  const seen = new Set<unknown>();
  let optionalSeen = false;
  list.forEach((option, index) => {
    const at = [...path, String(index)];
    checkNamed(option, at, issues, true);
    if (seen.has(option.name)) {
      issues.push({
        path: [...at, 'name'],
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: 'Option names must be unique',
      });
    }
    seen.add(option.name);
    if (option.required && optionalSeen) {
      issues.push({
        path: at,
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    optionalSeen ||= !option.required && option.type !== 1 && option.type !== 2;
    const choices = option.choices as Shape[] | undefined;
    if (choices && choices.length > 25) {
      issues.push({
        path: [...at, 'choices'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    for (const [i, choice] of (choices ?? []).entries()) {
      checkLength(choice.name, 100, [...at, 'choices', String(i), 'name'], issues);
    }
    checkOptions(option.options, [...at, 'options'], issues);
  });
}

/** Nests issues the way Discord reports them: `{ "0": { "description": { "_errors": [...] } } }`. */
function nestIssues(issues: Issue[]): Shape {
  const root: Shape = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      node[key] ??= {};
      node = node[key] as Shape;
    }
    node._errors ??= [];
    (node._errors as unknown[]).push({ code: issue.code, message: issue.message });
  }
  return root;
}

/**
 * Returns Discord's 400 Invalid Form Body reply for invalid command definitions, or undefined when all are valid.
 * `indexed` prefixes error paths with the command's index, as for a bulk overwrite.
 */
export function validateCommands(commands: Shape[], indexed: boolean): Reply | undefined {
  const issues: Issue[] = [];
  commands.forEach((command, index) => {
    const at = indexed ? [String(index)] : [];
    const chatInput = (command.type ?? 1) === 1;
    checkNamed(command, at, issues, chatInput);
    checkOptions(command.options, [...at, 'options'], issues);
  });
  if (issues.length === 0) return undefined;
  const reply = discordError(400, 50035, 'Invalid Form Body');
  return { ...reply, body: { ...(reply.body as Shape), errors: nestIssues(issues) } };
}
