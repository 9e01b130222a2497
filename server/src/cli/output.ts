/**
 * The CLI's writes. A reader that stops early (`medlint check . | head -1`, EPIPE) ends the CLI quietly
 * with the exit code of its findings; a write that fails (a full disk, ENOSPC) ends it with exit 2 and
 * one line on stderr: « medlint : écriture impossible (ENOSPC) ». No stack trace either way.
 */

import { said, t } from './l10n';

let exitCode = 0;
let guarded = false;

function onWriteError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(exitCode);
  try {
    process.stderr.write(`${said(t('cannot write ({0})', e.code ?? e.message))}\n`);
  } finally {
    process.exit(2);
  }
}

function guard(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', onWriteError);
  process.stderr.on('error', () => undefined); // nothing left to tell it with
}

/** Writes the report (with a final newline unless empty) and notes the exit code a closed pipe keeps. */
export function emit(text: string, code: number): number {
  guard();
  exitCode = code;
  process.exitCode = code;
  if (text) process.stdout.write(text + '\n');
  return code;
}

/** One line (or a few) on stderr. */
export function say(text: string): void {
  guard();
  process.stderr.write(text + '\n');
}
