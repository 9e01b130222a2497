/**
 * Background passes of documents too large for the request path: one per document and version, analysed in
 * pieces (slices.ts) between other messages, announced once per document while it is open
 * (« Document de 12 Mo (article.md) : analyse en arrière-plan. »); a pass whose document changed is dropped.
 */
import type { Analysis } from '../core/analyze';
import { analyzeInPieces, type PassPieces } from './slices';
import { num } from '../features/typography';

export interface BackgroundHost {
  /** The document's version now; undefined once it is closed. */
  versionOf(uri: string): number | undefined;
  /** Tells the writer (once per document). */
  notify(message: string): void;
  /** A pass of the document started (its size in characters) or none runs any more (undefined). */
  running(uri: string, chars: number | undefined): void;
  log(message: string): void;
}

/**
 * « 12 Mo », « 2,5 Mo », « 40 ko » (characters, ≈ bytes for French text). Through `num` (features/typography.ts),
 * not `toLocaleString`, which would load ICU's French data (≈ 15 ms) for this one notice.
 */
export const sizeOf = (chars: number) => {
  if (chars < 1024 * 1024) return `${Math.max(1, Math.round(chars / 1024))} ko`;
  return `${num(Math.round(chars / 1024 / 1024 * 10) / 10)} Mo`;
};

const fileName = (uri: string) => decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);

export class BackgroundPasses<R> {
  /** The pass of each document: the version it reads, and its outcome (undefined: dropped or failed). */
  readonly passes = new Map<string, { version: number; done: Promise<R | undefined> }>();
  /** Documents already announced. */
  readonly told = new Set<string>();
  /** The pieces of each document's last pass, which the next one takes over where their text is the same. */
  readonly pieces = new Map<string, PassPieces>();

  constructor(private readonly host: BackgroundHost) {}

  isRunning(uri: string, version: number): boolean {
    return this.passes.get(uri)?.version === version;
  }

  /** The pass of this version of the document: the running one, or a new one (`keep` stores its analysis). */
  pass(uri: string, version: number, text: string, pieceSize: number, analyse: (piece: string) => Analysis, keep: (a: Analysis) => R): Promise<R | undefined> {
    const running = this.passes.get(uri);
    if (running?.version === version) return running.done;
    if (!this.told.has(uri)) {
      this.told.add(uri);
      this.host.notify(`Document de ${sizeOf(text.length)} (${fileName(uri)}) : analyse en arrière-plan.`);
    }
    const stale = () => this.host.versionOf(uri) !== version;
    const done: Promise<R | undefined> = analyzeInPieces(text, pieceSize, analyse, stale, this.pieces.get(uri))
      .then((read) => {
        if (!read || stale()) return undefined;
        this.pieces.set(uri, read.pieces);
        return keep(read.analysis);
      })
      .catch((e: unknown) => { this.host.log(`medlint : analyse de ${uri} impossible : ${String(e)}`); return undefined; })
      .finally(() => {
        if (this.passes.get(uri)?.done !== done) return; // a newer pass runs, or the document was closed
        this.passes.delete(uri);
        this.host.running(uri, undefined);
      });
    this.passes.set(uri, { version, done });
    this.host.running(uri, text.length);
    return done;
  }

  forget(uri: string): void {
    if (this.passes.delete(uri)) this.host.running(uri, undefined);
    this.told.delete(uri);
    this.pieces.delete(uri);
  }
}
