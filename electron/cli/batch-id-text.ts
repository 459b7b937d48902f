/**
 * What `batch status|fetch|cancel ID` prints without --json: the batch's line, then one line per
 * photo that failed (its reason: the line said "3 failed" and nothing more) and, for `fetch`, per
 * file written — or left as an earlier fetch wrote it.
 */
import { basename } from 'node:path';
import type { report } from './batch-api-command';

export function batchIdText(verb: 'status' | 'fetch' | 'cancel', r: ReturnType<typeof report>): string {
  const head = `${r.batchId ?? r.id}: ${r.state}${r.remoteState ? ` (Batch API: ${r.remoteState})` : ''}, ${r.done} done, ${r.failed} failed\n`;
  const lines: string[] = [];
  for (const i of r.items) {
    if (i.error && (i.state === 'failed' || i.state === 'cancelled'))
      lines.push(`  ${basename(i.image)}: ${i.error.kind}: ${i.error.message}`);
    else if (verb === 'fetch' && i.state === 'done' && i.output)
      lines.push(
        'alreadyWritten' in i && i.alreadyWritten
          ? `  ${i.output}: written by an earlier fetch, left as it is (--overwrite writes it again)`
          : `  Wrote ${i.output}`,
      );
  }
  return head + lines.map((l) => `${l}\n`).join('');
}
