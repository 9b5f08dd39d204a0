// A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10 % otherwise).
export function progressBar(label: string) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const fraction = total ? Math.min(1, done / total) : 1;
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
      const line = `${label} [${'#'.repeat(Math.round(fraction * 30)).padEnd(30, '-')}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} (${rate.toFixed(0)}/s)`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (Math.floor(fraction * 10) !== lastTenth) {
        lastTenth = Math.floor(fraction * 10);
        process.stderr.write(`${line}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
