// docs/pack.schema.json is generated from PackSchema (lib/knowledge/schema.ts, the one source of the
// pack format): this test fails when the two part ways. `npm run pack:schema` writes the file anew.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { PACK_FORMAT, PackSchema } from './schema';

const ROOT = join(__dirname, '../..');
const SCHEMA_FILE = join(ROOT, 'docs/pack.schema.json');
const EXAMPLE_FILE = join(__dirname, '../../docs/example-pack.json');

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
