import cliProgress from 'cli-progress';

/** A progress bar on a terminal, plain lines otherwise (CI logs), for long work such as seeding. */
export function progressReporter(label: string) {
  if (!process.stdout.isTTY) {
    let lastStage = '';
    return {
      update(done: number, total: number, stage: string) {
        if (stage !== lastStage) console.log(`${label}: ${stage} (${done}/${total})`);
        lastStage = stage;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {stage}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, stage: string) {
      if (!started) bar.start(total, done, { stage });
      started = true;
      bar.setTotal(total);
      bar.update(done, { stage });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
