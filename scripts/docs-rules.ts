/**
 * `npm run docs:rules`: writes the README's rules table (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`), package.json's `medlint.severity` dropdowns and the severities of
 * schemas/medlint.schema.json from the rule registry.
 *   | `dose-above-max` | above the documented maximum… | warning (error at ten times the maximum) |
 * The unit tests fail when either is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, DEPRECATED_CODES, SEVERITY_SETTINGS, type Rule } from '../server/src/core/rules/registry';

const SEVERITY_FR = { error: 'erreur', warning: 'avertissement', information: 'information', hint: 'indication', off: 'désactivée' };

function defaultEn(r: Rule): string {
  return r.escalates ? `${r.severity} (${r.escalates.en})` : r.severity;
}

function defaultFr(r: Rule): string {
  return r.escalates ? `${SEVERITY_FR[r.severity]} (${r.escalates.fr})` : SEVERITY_FR[r.severity];
}

export function rulesTable(): string {
  const rows = RULES.map((r: Rule) => `| \`${r.code}\` | ${r.category === 'doses' ? 'dose' : 'name'} | ${r.descriptionEn} | ${defaultEn(r)} |`);
  const deprecated = Object.entries(DEPRECATED_CODES).map(([code, rules]) =>
    `\`${code}\` is still accepted in settings and directives: it names ${rules.map((c) => `\`${c}\``).join(' and ')}.`);
  return ['| code | on | what | default severity |', '|---|---|---|---|', ...rows, '', ...deprecated].join('\n');
}

function dropdown(description: string, defaultNote: string, deprecationMessage?: string) {
  return {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    default: 'default',
    enumDescriptions: [`Sévérité par défaut de la règle : ${defaultNote}`, 'Erreur', 'Avertissement', 'Information', 'Indication', 'Désactivée'],
    description,
    ...(deprecationMessage ? { deprecationMessage } : {}),
  };
}

/** One property per rule, then the deprecated codes. */
export function severityProperties(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of RULES as readonly Rule[]) props[r.code] = dropdown(`${r.title} — ${r.description} (Par défaut : ${defaultFr(r)}.)`, defaultFr(r));
  for (const [code, rules] of Object.entries(DEPRECATED_CODES)) {
    const names = rules.join(' et ');
    props[code] = dropdown(`Ancien nom de ${names}.`, 'celle de chaque règle', `Remplacé par ${names}.`);
  }
  return props;
}

/** The text with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`, end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start), j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`marqueurs ${start} … ${end} introuvables`);
  return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, replaceBetweenMarkers(readFileSync(readmePath, 'utf8'), 'rules', rulesTable()));
  const pkgPath = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes.configuration.properties['medlint.severity'].properties = severityProperties();
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  const schemaPath = join(root, 'schemas', 'medlint.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  schema.properties.severity.properties = severityProperties();
  writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
}
