import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { locateJsonPath, positionOf } from '../../../facts/json-locate.ts';
import { findJsonSyntaxError } from '../../../facts/json-syntax.ts';
import { fail, ok, type Result } from '../../../facts/result.ts';
import { type Entity, EntitySchema, type Fact, FactSchema } from '../../../facts/schema/index.ts';
import { formatPath } from '../../../facts/store/problems.ts';
import { type FileSystem, replaceFile } from './storage.ts';

/** The snapshot: every fact and entity as of audit entry `auditSeq`, which ends at byte `auditBytes` of the log. */
export interface Snapshot {
  auditSeq: number;
  auditBytes: number;
  entities: readonly Entity[];
  facts: readonly Fact[];
}

const SnapshotSchema = z.strictObject({
  format: z.literal(1),
  auditSeq: z.number().int().min(0),
  auditBytes: z.number().int().min(0),
  entities: z.array(EntitySchema),
  facts: z.array(FactSchema),
});

/** Facts serialized per write while saving: small enough that no write waits long behind a save. */
const PIECE = 200;

/** How many problems a refusal names: the first ones are what a person fixes first. */
const SHOWN = 20;
const LOCATED = 5;

/** Reads and validates the snapshot; null when there is none yet. A bad file fails with `storeCorrupt`, untouched. */
export async function readSnapshot(path: string): Promise<Result<Snapshot | null>> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return ok(null);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const error = findJsonSyntaxError(text);
    const where = positionOf(text, error?.offset ?? text.length);
    const ending = (error?.offset ?? text.length) >= text.length ? ' (the file ends there)' : '';
    return corrupt(path, [
      `${path}:${where.line}:${where.column}: invalid JSON, expected ${error?.expected}${ending}`,
    ]);
  }
  const parsed = SnapshotSchema.safeParse(data);
  if (!parsed.success) {
    return corrupt(
      path,
      locate(
        path,
        text,
        parsed.error.issues.map((issue) => [issue.path, issue.message]),
      ),
    );
  }
  const problems = duplicates(parsed.data.entities, 'entities').concat(
    duplicates(parsed.data.facts, 'facts'),
  );
  if (problems.length) return corrupt(path, locate(path, text, problems));
  const { format: _format, ...snapshot } = parsed.data;
  return ok(snapshot);
}

/**
 * Replaces the snapshot atomically and durably, streamed in small pieces so writes keep flowing while a large
 * store is saved. A disk that refuses it throws `DiskFullError` and leaves the previous snapshot in place.
 */
export function writeSnapshot(fs: FileSystem, path: string, snapshot: Snapshot): Promise<void> {
  return replaceFile(fs, path, serialize(snapshot));
}

/** One record per line: valid JSON that a person can read and diff, and that names a line per fact in errors. */
async function* serialize({ auditSeq, auditBytes, entities, facts }: Snapshot): AsyncGenerator<string> {
  yield `{"format":1,"auditSeq":${auditSeq},"auditBytes":${auditBytes},\n"entities":[`;
  yield entities.map((entity) => `\n${JSON.stringify(entity)}`).join(',');
  yield '\n],\n"facts":[';
  for (let start = 0; start < facts.length; start += PIECE) {
    const piece = facts.slice(start, start + PIECE).map((fact) => `\n${JSON.stringify(fact)}`);
    yield `${start ? ',' : ''}${piece.join(',')}`;
  }
  yield '\n]}\n';
}

function duplicates(items: readonly { id: string }[], name: string): [PropertyKey[], string][] {
  const seen = new Set<string>();
  return items.flatMap((item, index): [PropertyKey[], string][] => {
    if (seen.has(item.id)) return [[[name, index, 'id'], `duplicate id "${item.id}"`]];
    seen.add(item.id);
    return [];
  });
}

/**
 * The first problems as `file:line:column path: message`, so an editor can jump to each. Only the first few get a
 * line: finding one means scanning the text, which takes a while in a large store.
 */
function locate(path: string, text: string, problems: readonly [readonly PropertyKey[], string][]): string[] {
  const lines = problems.slice(0, SHOWN).map(([at, message], index) => {
    const where = index < LOCATED ? locateJsonPath(text, at) : undefined;
    return `${path}${where ? `:${where.line}:${where.column}` : ''} ${formatPath(at) || '(root)'}: ${message}`;
  });
  if (problems.length > SHOWN) lines.push(`… ${problems.length - SHOWN} more`);
  return lines;
}

const corrupt = (path: string, details: string[]) => fail('storeCorrupt', { file: path }, details);
