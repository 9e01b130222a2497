/**
 * The CLI's own words (usage, errors, summary lines) in French by default, in English with `--locale en` or an
 * English locale in the environment (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads them). Written in
 * English in the code, as VS Code's l10n wants, and translated by l10n/bundle.l10n.fr.json, the bundle the
 * client's `vscode.l10n` reads too. Findings, drug names and RCP citations stay in French: they are the data.
 *   t('{0} diagnostic(s) in {1} file(s).', 3, 2) → « 3 diagnostic(s) dans 2 fichier(s). »
 */
import french from '../../../l10n/bundle.l10n.fr.json';

const FR: Record<string, string> = french;
let locale = 'fr';

/** `--locale` if given, else the environment's; English for « en », « en_US.UTF-8 », « en-GB »…, else French. */
export function setLocale(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  locale = /^en(?:[-_.@]|$)/i.test(chosen) ? 'en' : 'fr';
  return locale;
}

export function currentLocale(): string {
  return locale;
}

/** The message in the CLI's language, `{0}`, `{1}`… replaced by the arguments. */
export function t(message: string, ...args: (string | number)[]): string {
  const text = locale === 'en' ? message : FR[message] ?? message;
  return text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** « medlint : message » (French spacing) or « medlint: message ». */
export const said = (message: string): string => t('medlint: {0}', message);

/** The `--locale` flag written anywhere in the arguments (`--locale en`, `--locale=en`), read before the rest. */
export function localeFlag(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--locale') return argv[i + 1];
    if (argv[i].startsWith('--locale=')) return argv[i].slice('--locale='.length);
  }
  return undefined;
}
