/**
 * All or nothing for `data:update`: the new index is written beside its place, the new sources are a full
 * folder beside the current one, and both are renamed in only at the end; a rename that fails puts the
 * previous folder back. Example: data/sources/.bdpm-nouveau-Xa1b2c → data/sources/bdpm.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CompiledIndex } from '../../server/src/core/index-types';
import { writeIndexFile } from './index-writer';

/** Writes the index to a temporary file in the folder of `out` (created if need be); returns its path. */
export function stageIndex(out: string, index: CompiledIndex): string {
  mkdirSync(dirname(out), { recursive: true });
  const staged = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeIndexFile(staged, index);
  } catch (e) {
    rmSync(staged, { force: true });
    throw e;
  }
  return staged;
}

/**
 * Replaces the folder `sources` by `staged` and the file `out` by `stagedIndex`. If the index cannot be
 * renamed in, the previous sources are put back: either both change or neither.
 */
export function commitStaged(staged: string, sources: string, stagedIndex: string, out: string): void {
  const previous = `${sources}.precedent-${process.pid}`;
  const had = existsSync(sources);
  if (had) chmodSync(staged, statSync(sources).mode); // a temporary folder is private (0700)
  if (had) renameSync(sources, previous);
  try {
    renameSync(staged, sources);
  } catch (e) {
    if (had) renameSync(previous, sources);
    throw e;
  }
  try {
    renameSync(stagedIndex, out);
  } catch (e) {
    renameSync(sources, staged);
    if (had) renameSync(previous, sources);
    throw e;
  }
  if (had) rmSync(previous, { recursive: true, force: true });
}
