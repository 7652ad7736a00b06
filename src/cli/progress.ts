// The export's progress: a bar redrawn in place on a terminal, a line every tenth of the way otherwise (a log file
// or CI), so a long export shows it is moving without flooding either.
import type { Progress } from '../export/static_export.ts';

const WIDTH = 30;

export function progressBar(out: NodeJS.WriteStream | { isTTY?: boolean; columns?: number; write(s: string): boolean }): Progress {
  let lastTenth = -1;
  return {
    update(done, known, address) {
      const share = known ? done / known : 0;
      if (out.isTTY) {
        const filled = Math.round(share * WIDTH);
        const head = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${known} `;
        const room = Math.max(10, (out.columns ?? 80) - head.length - 1);
        out.write(`\r${head}${address.length > room ? `…${address.slice(-(room - 1))}` : address.padEnd(room)}`);
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        out.write(`${done}/${known} (${tenth * 10}%)\n`);
      }
    },
    finish(summary) {
      out.write(`${out.isTTY ? '\r\x1b[2K' : ''}${summary}\n`);
    },
  };
}
