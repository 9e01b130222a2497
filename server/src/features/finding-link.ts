/**
 * The link of a finding (LSP `codeDescription.href`, which VS Code shows as the rule code's link in the Problems
 * panel and the diagnostic's hover): for a dose finding, the source of the range its message cites (« prégabaline :
 * 1200 mg/j > max 600 mg/j … RCP LYRICA » → the RCP's page on the BDPM) or, for an implausible dose, the BDPM page
 * of the strongest presentation; for any other finding, the rules table of the README on the project's repository
 * (package.json `repository`), unless that address is a placeholder (a reserved `.invalid` host): no dead link.
 */
import type { AttachedDose } from '../core/analyze';
import type { Finding } from '../core/checks';
import { familyOf } from '../core/rules/registry';
import { BDPM_PAGE } from './cards';
import { sourceLink } from './dose-verdict';

/** `https://github.com/o/medlint#rules` from a package.json repository address (`git+…`, `.git` dropped). */
export function ruleDocLink(repository: string | undefined): string | undefined {
  // Asked for every finding of every pass, always with package.json's one address: read once.
  if (!ruleDocLinks.has(repository)) ruleDocLinks.set(repository, readRuleDocLink(repository));
  return ruleDocLinks.get(repository);
}
const ruleDocLinks = new Map<string | undefined, string | undefined>();

function readRuleDocLink(repository: string | undefined): string | undefined {
  const m = repository ? /^(?:git\+)?(https?:\/\/\S+?)(?:\.git)?\/?$/.exec(repository) : null;
  if (!m) return undefined;
  try {
    if (new URL(m[1]).hostname.endsWith('.invalid')) return undefined;
  } catch {
    return undefined;
  }
  return `${m[1]}#rules`;
}

/** The dose finding's own source, else the rule's documentation. */
export function findingLink(f: Finding, doses: readonly AttachedDose[], repository: string | undefined): string | undefined {
  if (familyOf(f.code).stage === 'doses') {
    const verdict = doses.find((d) => d.start <= f.start && f.end <= d.end)?.verdict;
    const range = verdict?.comparison.range;
    if (range) return sourceLink(range).url;
    if (verdict?.implausible) return BDPM_PAGE(verdict.implausible.strength.cis);
  }
  return ruleDocLink(repository);
}
