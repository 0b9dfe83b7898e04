/** Command-line arguments of `npm run serve`, parsed by hand: two flags do not need a framework. */
export interface HostArgs {
  /** null: not told, so the port of the last launch if it is free, else any free port. */
  port: number | null;
  rendererDir?: string;
}

export function parseHostArgs(argv: string[]): HostArgs | { error: string } {
  const args: HostArgs = { port: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--port') {
      const raw = value();
      const port = Number(raw);
      if (raw === undefined || !/^\d+$/.test(raw) || port > 65535) {
        return { error: `--port takes a number from 0 to 65535 (0 = any free port), not "${raw ?? ''}".` };
      }
      args.port = port;
    } else if (flag === '--renderer-dir') {
      const raw = value();
      if (!raw) return { error: '--renderer-dir takes the folder of the built renderer.' };
      args.rendererDir = raw;
    } else if (flag === '--help' || flag === '-h') {
      return { error: 'usage: npm run serve -- [--port <n>]   (0 = any free port; default: the last launch\'s port if free)' };
    } else {
      return { error: `unknown option "${arg}". usage: npm run serve -- [--port <n>]` };
    }
  }
  return args;
}
