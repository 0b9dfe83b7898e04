/** A passphrase prompt on a terminal: raw mode, nothing echoed, Ctrl-C cancels. */
import { InspectorError } from '../../shared/result';

export function promptHidden(question: string, input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!input.isTTY) {
      reject(new InspectorError('no_terminal', 'There is no terminal to ask for a passphrase on.'));
      return;
    }
    output.write(question);
    const wasRaw = input.isRaw;
    let answer = '';
    const finish = (settle: () => void) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      settle();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(() => resolve(answer));
        if (ch === '\u0003') return finish(() => reject(new InspectorError('cancelled', 'Cancelled at the passphrase prompt.')));
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else if (ch >= ' ') answer += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
