/**
 * Source reader: the curated files (data/curated), each validated against its schema in data/schema (used by the
 * build, by check-curated-file and by the data tests).
 *
 *   data/curated/ranges/antiepileptiques.json → { substance: 'lévétiracétam', min: 1000, max: 3000, … } in `ranges`;
 *   a range with min > max, or a file off its schema, stops the build with « non conforme à … ».
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { WorldDrug } from '../steps/world';
import type { EnglishName } from '../steps/english';

export interface CuratedData {
  names: {
    preferredDci: { from: string; to: string }[];
    aliases: { from: string; to: string; source: string }[];
    brands?: { from: string; to: string }[];
    needsDose: string[];
    ordinaryWords?: string[];
    abbreviations: { abbreviation: string; dci: string[]; combination?: boolean; source: string }[];
  };
  products: { products: { name: string; kind: string; aliases?: string[]; brands?: string[]; drugClass?: string; atc?: string; status: string; description?: string; source: { type: string; title: string; url: string } }[] };
  trials: { trials: { name: string; aliases: string[]; nct?: string; phase?: string; status?: string; conditions: string[]; products: string[]; title?: string; source: { type: string; title: string; url: string } }[] };
  /** Drugs not sold in France that neither the BDPM nor the EMA export has (world.json). */
  world: { drugs: WorldDrug[] };
  /** English and US names of drugs (english-names.json). */
  english: { names: EnglishName[] };
  classes: { classes: { name: string; aliases: string[]; atc?: string[]; members?: string[]; source: { type: string; title: string; url: string } }[] };
  ranges: unknown[];
  rangeFiles: string[];
  innStems: string[];
}

export class CuratedDataError extends Error {}

/** A schema of data/schema, compiled once per Ajv instance. */
function schemaValidator(ajv: Ajv, dataDir: string, schema: string) {
  const validate = ajv.getSchema(schema) ?? ajv.compile(JSON.parse(readFileSync(join(dataDir, 'schema', schema), 'utf8')));
  if (!ajv.getSchema(schema)) ajv.addSchema(validate.schema as object, schema);
  return validate;
}

/** What is wrong in a value against a schema of data/schema (« /ranges/0/min must be number »), in order. */
export function schemaProblems(dataDir: string, schema: string, value: unknown, ajv = new Ajv({ allErrors: true })): string[] {
  const validate = schemaValidator(ajv, dataDir, schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A dose range whose bounds are inverted (« lévétiracétam: min 3000 > max 1000 »), or null. */
export function invertedRange(r: { substance: string; min: number; max: number }): string | null {
  return r.min > r.max ? `${r.substance}: min ${r.min} > max ${r.max}` : null;
}

export function validateCurated(dataDir: string): CuratedData {
  const ajv = new Ajv({ allErrors: true });
  const load = (schema: string, file: string) => {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new CuratedDataError(`${file}: JSON invalide (${(e as Error).message})`);
    }
    const problems = schemaProblems(dataDir, schema, value, ajv);
    if (problems.length) throw new CuratedDataError(`${file}: non conforme à ${schema}: ${problems.slice(0, 5).join('; ')}`);
    return value as any;
  };
  const curated = join(dataDir, 'curated');
  const rangeDir = join(curated, 'ranges');
  const rangeFiles = readdirSync(rangeDir).filter((f) => f.endsWith('.json')).sort();
  const ranges = rangeFiles.flatMap((f) => load('dose-ranges.schema.json', join(rangeDir, f)).ranges);
  for (const r of ranges as { substance: string; min: number; max: number }[]) {
    const inverted = invertedRange(r);
    if (inverted) throw new CuratedDataError(inverted);
  }
  return {
    names: load('names.schema.json', join(curated, 'names.json')),
    products: load('products.schema.json', join(curated, 'products.json')),
    trials: load('trials.schema.json', join(curated, 'trials.json')),
    classes: load('classes.schema.json', join(curated, 'classes.json')),
    world: load('world.schema.json', join(curated, 'world.json')),
    english: load('english-names.schema.json', join(curated, 'english-names.json')),
    ranges,
    rangeFiles,
    innStems: JSON.parse(readFileSync(join(curated, 'inn-stems.json'), 'utf8')).stems,
  };
}
