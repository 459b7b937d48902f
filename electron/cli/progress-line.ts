/**
 * A command's progress on stderr. On a terminal it is one line rewritten in place ("42% Generating
 * with GPT Image 2"). Off a terminal — a log file, a pipe, CI — carriage returns pile up into one
 * long line of every percentage, so there each stage is said once, on its own line, without the
 * percentages.
 */
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  /** A progress event: its fraction (0–1) and the stage's words. */
  update(fraction: number, stage: string): void;
  /** Ends the line on a terminal (nothing to end off one). Safe to call twice. */
  end(): void;
}

export function progressLine(sink: ProgressSink, enabled: boolean): ProgressLine {
  const tty = sink.isTTY === true;
  let lastStage: string | null = null;
  let open = false;
  return {
    update(fraction, stage) {
      if (!enabled) return;
      if (tty) {
        sink.write(`\r${`${Math.round(fraction * 100)}% ${stage}`.padEnd(60)}`);
        open = true;
      } else if (stage !== lastStage) {
        sink.write(`${stage}\n`);
      }
      lastStage = stage;
    },
    end() {
      if (open) sink.write('\n');
      open = false;
    },
  };
}
