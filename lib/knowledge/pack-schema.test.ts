// docs/pack.schema.json is generated from PackSchema (lib/knowledge/schema.ts, the one source of the
// pack format): this test fails when the two part ways. `npm run pack:schema` writes the file anew.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import type { PackProblem } from './pack-file';
import { ALIAS_KINDS, ENTITY_TYPES, ID_PREFIX, PACK_FORMAT, PackSchema, RELATION_TYPES } from './schema';

const ROOT = join(__dirname, '../..');
const SCHEMA_FILE = join(ROOT, 'docs/pack.schema.json');
const EXAMPLE_FILE = join(ROOT, 'docs/example-pack.json');
const FORMAT_DOC = join(ROOT, 'docs/pack-format.md');

/** The JSON Schema of a pack file, as docs/pack.schema.json holds it. */
function packJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(PackSchema, {
    target: 'draft-07',
    // Anything valibot cannot say in JSON Schema fails the conversion, except trim (below).
    errorMode: 'throw',
    overrideAction: ({ valibotAction, jsonSchema }) =>
      // NonEmpty is trim then minLength(1): in JSON Schema, "holds a character that is not a space"
      // (\S in a JSON Schema pattern is the set of characters String.prototype.trim keeps).
      valibotAction.type === 'trim' ? { ...jsonSchema, pattern: '\\S' } : undefined,
  });
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: `Gloss knowledge pack (${PACK_FORMAT})`,
    description:
      'Generated from PackSchema in lib/knowledge/schema.ts by `npm run pack:schema`; do not edit by hand. ' +
      'Gloss also checks what a schema cannot: see docs/pack-format.md.',
    ...rest,
  };
}

const generated = packJsonSchema();

// ajv is in node_modules through web-ext, not a dependency of Gloss of its own: where it is gone,
// the check that the example passes the JSON Schema is skipped rather than failed.
const Ajv = await import('ajv').then((m) => m.default).catch(() => null);

describe('docs/pack.schema.json', () => {
  if (process.env.GLOSS_WRITE_SCHEMA === '1') {
    it('is written from PackSchema', () => {
      writeFileSync(SCHEMA_FILE, JSON.stringify(generated));
      // Laid out as the rest of the repository is, so that `biome check .` passes.
      execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', SCHEMA_FILE], { stdio: 'ignore' });
      expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toStrictEqual(generated);
    });
    return;
  }

  it('is what PackSchema generates (run `npm run pack:schema` after changing the schema)', () => {
    expect(existsSync(SCHEMA_FILE), 'docs/pack.schema.json is missing: run npm run pack:schema').toBe(true);
    // Compared as data, not as text: the file is laid out by Biome.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toStrictEqual(generated);
  });

  it('states the format, the required fields and no other fields', () => {
    const schema = generated as {
      properties: Record<string, { const?: unknown }>;
      required: string[];
      additionalProperties: unknown;
    };
    expect(schema.properties.format?.const).toBe(PACK_FORMAT);
    expect(schema.required.sort()).toEqual(['documents', 'entities', 'format', 'id', 'name', 'version']);
    expect(schema.additionalProperties).toBe(false);
  });

  it.skipIf(Ajv === null)('accepts docs/example-pack.json, and refuses it without entities', () => {
    if (Ajv === null) return;
    // No formats plugin: "format": "uri" is not checked here (valibot's url() is, by readPackFile).
    const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false });
    const validate = ajv.compile(generated);
    const example: unknown = JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8'));
    validate(example);
    expect(validate.errors ?? []).toEqual([]);
    const { entities: _entities, ...noEntities } = example as Record<string, unknown>;
    expect(validate(noEntities)).toBe(false);
  });
});

describe('docs/pack-format.md', () => {
  const doc = readFileSync(FORMAT_DOC, 'utf8');
  /** The cells of the first table row in `text` whose first cell is `name` in backquotes. */
  const row = (name: string, text = doc) =>
    text
      .split('\n')
      .find((line) => line.startsWith(`| \`${name}\``))
      ?.split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());

  it('shows docs/example-pack.json as it is', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block, 'no ```json block').toBeDefined();
    expect(JSON.parse(block ?? '')).toStrictEqual(JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8')));
  });

  it('describes every alias kind and entity type', () => {
    const kinds = doc.slice(doc.indexOf('The kinds, and what the matcher'), doc.indexOf('What holds for every alias'));
    for (const kind of ALIAS_KINDS) expect(row(kind, kinds)?.[2]?.length ?? 0, kind).toBeGreaterThan(10);
    for (const type of ENTITY_TYPES) expect(row(type)?.[1], type).toBe(`\`${ID_PREFIX[type]}\``);
  });

  it('gives every relation type with the phrases the cards show', () => {
    for (const [type, { forward, inverse }] of Object.entries(RELATION_TYPES)) {
      expect(row(type), type).toEqual([`\`${type}\``, forward, inverse]);
    }
  });

  it('says in words why a file is refused, for every problem code', () => {
    const codes: Record<PackProblem['code'], true> = {
      'too-large': true,
      'not-json': true,
      'forbidden-key': true,
      'not-pack': true,
      'newer-format': true,
      invalid: true,
      'duplicate-entity': true,
      'duplicate-document': true,
      'wrong-prefix': true,
      'unknown-document': true,
      'quote-not-found': true,
      'unknown-target': true,
      'reserved-id': true,
      'already-installed': true,
    };
    for (const code of Object.keys(codes)) expect(row(code)?.[1]?.length ?? 0, code).toBeGreaterThan(10);
  });

  it('gives the size limit and the command that writes the JSON Schema', () => {
    expect(doc).toContain('20 MB');
    expect(doc).toContain('npm run pack:schema');
    expect(doc).toContain('GLOSS_WRITE_SCHEMA=1 vitest run lib/knowledge/pack-schema.test.ts');
  });
});
