/**
 * The other languages' toolchains, for the tests that run and compile the generated snippets. A missing
 * tool fails the test with the Debian package to install (never a silent skip); `.ci/run` installs them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const ANDROID_JSON_JAR = '/usr/share/java/com.android.json.jar';
export const KOTLIN_STDLIB_JAR = '/usr/share/java/kotlin-stdlib.jar';

type Check = { kind: 'command'; name: string } | { kind: 'file'; path: string } | { kind: 'python-module'; module: string } | { kind: 'java-release'; atLeast: number };

interface Tool {
  /** What a person reads: "kotlinc", "python3's cryptography". */
  what: string;
  debianPackage: string;
  checks: Check[];
}

export const TOOLS = {
  node: { what: 'node', debianPackage: 'nodejs', checks: [{ kind: 'command', name: 'node' }] },
  bash: { what: 'bash', debianPackage: 'bash', checks: [{ kind: 'command', name: 'bash' }] },
  openssl: { what: 'openssl', debianPackage: 'openssl', checks: [{ kind: 'command', name: 'openssl' }] },
  python: {
    what: 'python3 with the cryptography package',
    debianPackage: 'python3-cryptography',
    checks: [{ kind: 'command', name: 'python3' }, { kind: 'python-module', module: 'cryptography' }],
  },
  java: {
    what: 'a JDK 11 or later (java, javac)',
    debianPackage: 'openjdk-17-jdk-headless',
    checks: [{ kind: 'command', name: 'java' }, { kind: 'command', name: 'javac' }, { kind: 'java-release', atLeast: 11 }],
  },
  kotlin: { what: 'kotlinc and the Kotlin runtime', debianPackage: 'kotlin', checks: [{ kind: 'command', name: 'kotlinc' }, { kind: 'file', path: KOTLIN_STDLIB_JAR }] },
  androidJson: { what: `Android's org.json (${ANDROID_JSON_JAR})`, debianPackage: 'libandroid-json-java', checks: [{ kind: 'file', path: ANDROID_JSON_JAR }] },
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;

/**
 * The python3 that can run the snippets: the one on PATH when it has `cryptography`, else Debian's own
 * (what `apt-get install python3-cryptography` provides when PATH starts with pyenv's or a venv's).
 */
export const PYTHON: string = ['python3', '/usr/bin/python3'].find(
  (bin) => spawnSync(bin, ['-c', 'import cryptography'], { stdio: 'ignore' }).status === 0,
) ?? 'python3';

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function passes(check: Check, env: NodeJS.ProcessEnv): boolean {
  switch (check.kind) {
    case 'command':
      return onPath(check.name, env);
    case 'file':
      return existsSync(check.path);
    case 'python-module':
      return spawnSync(PYTHON, ['-c', `import ${check.module}`], { env, stdio: 'ignore' }).status === 0;
    case 'java-release': {
      const version = spawnSync('java', ['-version'], { env, encoding: 'utf8' });
      const major = Number(/version "(?:1\.)?(\d+)/.exec(`${version.stderr}`)?.[1] ?? 0);
      return major >= check.atLeast;
    }
  }
}

/** The tools among `names` that this machine lacks, each with its Debian package. */
export function missingTools(names: readonly ToolName[], env: NodeJS.ProcessEnv = process.env): Tool[] {
  return names.map((name) => TOOLS[name] as Tool).filter((tool) => !tool.checks.every((check) => passes(check, env)));
}

/** Throws, naming what to install, when any tool is missing. Call it in the test file's beforeAll. */
export function requireTools(names: readonly ToolName[], env: NodeJS.ProcessEnv = process.env): void {
  const missing = missingTools(names, env);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((t) => t.debianPackage))].join(' ');
  throw new Error(
    `These tests run the generated code, and this machine lacks ${missing.map((t) => `${t.what} (Debian package ${t.debianPackage})`).join(', ')}. ` +
      `Install: sudo apt-get install -y ${packages}  (.ci/run does this).`,
  );
}

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end (killed after `timeoutMs`), never through a shell. */
export function runTool(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ToolRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The three segments of a printed envelope, to compare byte for byte. */
export function segmentsOf(envelopeJson: string): { protected: string; signaturePayload: string; signature: string } {
  const payload = (JSON.parse(envelopeJson) as { payload: Record<string, string> }).payload;
  return { protected: payload.protected!, signaturePayload: payload.signaturePayload!, signature: payload.signature! };
}
