/**
 * The server's limits and delays, named (README « Limites »); the tests change them on the module they loaded.
 * Example: a 3 Mo document is above `liveChars`, so it is analysed in the background in pieces of `sliceChars`,
 * with one notice « Document de 3 Mo : analyse en arrière-plan ».
 */
/** A fresh set of the defaults: one per server (the in-process tests load several servers, each changing its own). */
export const defaultLimits = () => ({
  /** Above this many characters (≈ 2 Mo) a document is not analysed on the request path but in the background. */
  liveChars: 2 * 1024 * 1024,
  /** The size of one piece of a background pass (≈ 40–250 ms of analysis on this 2-core machine, by its load). */
  sliceChars: 128 * 1024,
  /** After a change, the delay before its analysis (changes meanwhile are taken with it). */
  throttleMs: 50,
  /** Diagnostics shown per document, the most severe first; then one information saying how many were left out. */
  maxDiagnostics: 1000,
  /**
   * Former texts (edited away, closed) are freed when the writer pauses this long, or once they hold this many
   * characters, after the next answer (at the latest `settleMs` after the edit that went over; live/former-texts.ts).
   */
  formerTexts: { idleMs: 1000, budget: 16 * 1024 * 1024, settleMs: 100 },
});
