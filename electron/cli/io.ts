/**
 * Everything the CLI touches outside itself, in one object: tests run the program in-process with a
 * fake, the entry point passes the real process.
 */
import { now } from '../../shared/clock';
import { newRequestId } from '../../shared/request-ids';
import { promptHidden } from './prompt';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** A person at a terminal: passphrases may be asked for (without echo). */
  interactive: boolean;
  /** Folder that relative file arguments are read from. */
  cwd: string;
  readStdin(): Promise<string>;
  promptHidden(question: string): Promise<string>;
  now(): number;
  randomUUID(): string;
  /** stdin as it arrives (logs reads pipes without holding them whole); absent: readStdin, in one piece. */
  stdinStream?(): AsyncIterable<Uint8Array | string>;
  /** Calls `handler` on Ctrl-C instead of dying (logs --follow prints its summary); returns the unsubscribe. */
  onInterrupt?(handler: () => void): () => void;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    cwd: process.cwd(),
    readStdin: () => readStream(process.stdin),
    promptHidden: (question) => promptHidden(question, process.stdin, process.stderr),
    now,
    // Request ids: UPI_INSPECTOR_REQUEST_IDS first, then fresh uuids.
    randomUUID: newRequestId,
    stdinStream: () => process.stdin,
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
