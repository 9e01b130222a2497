/**
 * The server's open documents, each edit told to those that follow the text: the range of a change is noted in
 * the last analysis's edit log (edit-log.ts) before the document applies it, the text it replaces is let go
 * (former-texts.ts), and whether a directive may now stand around it is noted (directive-marks.ts).
 *   « p » typed at offset 120 of 1 MB: the log records 120–120 → 1 character, 1 Mi characters are let go, and
 *   the 15 characters around offset 120 are looked at for « medlint- ».
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditLog } from './edit-log';
import type { FormerTexts } from './former-texts';
import type { DirectiveMarks } from './directive-marks';

export interface EditFollowers {
  /** The edit log of the document's last analysis, if it has one. */
  editLog(uri: string): EditLog | undefined;
  former: FormerTexts;
  marks: DirectiveMarks;
}

export function trackedDocuments({ editLog, former, marks }: EditFollowers): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      const log = editLog(doc.uri);
      for (const change of changes) {
        const start = 'range' in change ? doc.offsetAt(change.range.start) : undefined;
        if (start !== undefined && 'range' in change) log?.record(start, doc.offsetAt(change.range.end), change.text.length);
        else log?.replaceAll();
        former.letGo(doc.getText().length);
        doc = TextDocument.update(doc, [change], version);
        if (start !== undefined) marks.changed(doc.uri, doc.getText(), start, change.text.length);
        else marks.forget(doc.uri);
      }
      return doc;
    },
  });
}
