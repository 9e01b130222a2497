/**
 * When the language server's process ends on its own (a malformed message makes it exit, or it crashes), the
 * client's error handler restarts it; this wrapper logs every such restart and tells the writer once per
 * session: « Le serveur MedLint s’est arrêté de façon inattendue et a été redémarré (voir le journal). »
 * A restart asked for (the « MedLint : redémarrer le serveur » command) is not one: the client does not call
 * `closed()` for a stop it asked for. Pure logic (no vscode import at run time), tested in test/unit/restart-notice.test.ts.
 */
import type { CloseAction, CloseHandlerResult, ErrorHandler } from 'vscode-languageclient/node';

export interface RestartSink {
  /** A line in the « MedLint » output channel. */
  log(line: string): void;
  /** The notification shown to the writer (once per session). */
  notify(): void;
  /** Called after each automatic restart (to refresh the status item, for the tests' counters). */
  restarted?(): void;
}

/** What the session has seen: automatic restarts and notifications shown. */
export interface RestartCounts { restarts: number; notices: number }

/**
 * The client's error handler, `base()` (the library's default: at most 4 restarts in 3 minutes), with every
 * restart it decides logged and the first one of the session announced. `restart` is `CloseAction.Restart`.
 */
export function announceRestarts(base: () => ErrorHandler, restart: CloseAction, sink: RestartSink, counts: RestartCounts): ErrorHandler {
  return {
    error: (error, message, count) => base().error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await base().closed();
      if (result.action !== restart) return result;
      counts.restarts++;
      sink.log(`the server's process ended unexpectedly (restart ${counts.restarts} of this session): restarting it`);
      if (counts.notices === 0) {
        counts.notices++;
        sink.notify();
      }
      sink.restarted?.();
      return { ...result, handled: true };
    },
  };
}
