/** JSON log lines in KubeVirt's style (`component`, `level`, `msg`, `timestamp`), one per line on stderr. */

export type LogLevel = 'info' | 'warning' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Log {
  info(msg: string, fields?: LogFields): void;
  warning(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** `write` receives one complete line including its newline; a test passes an array's push. */
export function jsonLog(write: (line: string) => void, now: () => Date = () => new Date()): Log {
  function emit(level: LogLevel, msg: string, fields: LogFields = {}): void {
    const line = { component: 'hookpatch', level, msg, timestamp: now().toISOString(), ...fields };
    write(`${JSON.stringify(line)}\n`);
  }
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warning: (msg, fields) => emit('warning', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

export function stderrLog(): Log {
  return jsonLog((line) => process.stderr.write(line));
}
