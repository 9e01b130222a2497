/**
 * The CLI's files: targets (files, folders, quoted globs) → the Markdown files to check, and reading them.
 * A bad entry (broken symlink, loop, unreadable folder, FIFO, device, a file over 5 Mo) is reported and the
 * rest is checked; folders are walked once per real path, so a symlink loop ends.
 *   medlint check docs 'chapitres/**\/*.md'   →  docs/a.md, docs/sub/b.md, chapitres/1.md…
 *   docs/lien.md : illisible (ENOENT)          (a broken symlink, reported on stderr)
 */
import * as nodeFs from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import picomatch from 'picomatch';
import { t } from './l10n';

export type WalkFs = Pick<typeof nodeFs, 'statSync' | 'readdirSync' | 'realpathSync'>;
/** Reports a path that is not checked, and why (an errno code or a French phrase). */
export type Problem = (path: string, why: string) => void;

export const MAX_BYTES = 5 * 1024 * 1024;
const notRegular = () => t('not a regular file (FIFO, device or socket), refused');
const MARKDOWN = /\.(md|markdown)$/i;

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The Markdown files of a folder, sorted, hidden entries and node_modules left out. */
export function walk(dir: string, problem: Problem, fs: WalkFs = nodeFs, visited = new Set<string>()): string[] {
  let names: string[];
  try {
    const real = fs.realpathSync(dir);
    if (visited.has(real)) return [];
    visited.add(real);
    names = (fs.readdirSync(dir) as string[]).sort();
  } catch (e) {
    problem(dir, codeOf(e));
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    let st: nodeFs.Stats;
    try {
      st = fs.statSync(path); // follows symlinks: a broken one throws ENOENT, a loop ELOOP
    } catch (e) {
      problem(path, codeOf(e));
      continue;
    }
    if (st.isDirectory()) out.push(...walk(path, problem, fs, visited));
    else if (MARKDOWN.test(name)) {
      if (st.isFile()) out.push(path);
      else problem(path, notRegular());
    }
  }
  return out;
}

/** Patterns of a `.medlintignore` (gitignore-like: `#` comments, `dir/` for a folder, `/x` anchored). */
export function ignorePatterns(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('!')).flatMap((l) => {
    let p = l.replace(/\/+$/, '');
    if (p.startsWith('/')) p = p.slice(1);
    else if (!p.includes('/')) p = `**/${p}`;
    return [p, `${p}/**`]; // the path itself, or anything under it
  });
}

/** A matcher of paths relative to `cwd`, from its `.medlintignore` (none: matches nothing). */
export function medlintIgnore(cwd: string): (file: string) => boolean {
  let text: string;
  try {
    text = nodeFs.readFileSync(join(cwd, '.medlintignore'), 'utf8');
  } catch {
    return () => false;
  }
  const match = picomatch(ignorePatterns(text), { dot: true });
  return (file) => match(relative(cwd, file).split(sep).join('/'));
}

/** Files, folders and globs → the files to check, in the order given, each once. */
export function expandTargets(targets: string[], cwd: string, problem: Problem): string[] {
  const out = new Set<string>();
  for (const target of targets) {
    let st: nodeFs.Stats | undefined;
    try {
      st = nodeFs.statSync(resolve(cwd, target));
    } catch (e) {
      if (!isDynamicPattern(target)) {
        problem(target, codeOf(e));
        continue;
      }
    }
    if (st?.isDirectory()) walk(target, problem).forEach((f) => out.add(f));
    else if (st) out.add(target);
    else {
      const found = globSync(target, { cwd, onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false }).sort();
      if (found.length === 0) problem(target, t('no file matches this pattern'));
      found.forEach((f) => out.add(f));
    }
  }
  return [...out];
}

/** A file's text; undefined (and reported) when it is not a regular file, too big, or unreadable. */
export function readSource(path: string, problem: Problem): string | undefined {
  try {
    const st = nodeFs.statSync(path); // before opening: opening a FIFO would block
    if (!st.isFile()) return void problem(path, notRegular());
    if (st.size > MAX_BYTES) return void problem(path, t('skipped, over {0} MB', MAX_BYTES / 1024 / 1024));
    const fd = nodeFs.openSync(path, nodeFs.constants.O_RDONLY | nodeFs.constants.O_NONBLOCK);
    try {
      const now = nodeFs.fstatSync(fd); // the same file, not one swapped in since
      if (!now.isFile()) return void problem(path, notRegular());
      if (now.size > MAX_BYTES) return void problem(path, t('skipped, over {0} MB', MAX_BYTES / 1024 / 1024));
      return nodeFs.readFileSync(fd, 'utf8');
    } finally {
      nodeFs.closeSync(fd);
    }
  } catch (e) {
    problem(path, codeOf(e));
    return undefined;
  }
}
