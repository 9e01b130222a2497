/** Schema validation of every curated file (used by the build and by the data tests). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { WorldDrug } from './steps/world';
import type { EnglishName } from './steps/english';

export interface CuratedData {
  names: {
    preferredDci: { from: string; to: string }[];
    aliases: { from: string; to: string; source: string }[];
    brands?: { from: string; to: string }[];
    needsDose: string[];
    ordinaryWords?: string[];
    abbreviations: { abbreviation: string; dci: string[]; source: string }[];
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

export function validateCurated(dataDir: string): CuratedData {
  const ajv = new Ajv({ allErrors: true });
  const load = (schema: string, file: string) => {
    const validate = ajv.getSchema(schema) ?? ajv.compile(JSON.parse(readFileSync(join(dataDir, 'schema', schema), 'utf8')));
    if (!ajv.getSchema(schema)) ajv.addSchema(validate.schema as object, schema);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new CuratedDataError(`${file}: JSON invalide (${(e as Error).message})`);
    }
    if (!validate(value)) {
      const errs = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`).join('; ');
      throw new CuratedDataError(`${file}: non conforme à ${schema}: ${errs}`);
    }
    return value as any;
  };
  const curated = join(dataDir, 'curated');
  const rangeDir = join(curated, 'ranges');
  const rangeFiles = readdirSync(rangeDir).filter((f) => f.endsWith('.json')).sort();
  const ranges = rangeFiles.flatMap((f) => load('dose-ranges.schema.json', join(rangeDir, f)).ranges);
  for (const r of ranges as { substance: string; min: number; max: number }[]) {
    if (r.min > r.max) throw new CuratedDataError(`${r.substance}: min ${r.min} > max ${r.max}`);
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
