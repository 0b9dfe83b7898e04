/**
 * The words a support engineer reads stay theirs: every piece of text the window can show (JSX text and
 * string literals in renderer/src, template text included) and every finding the inspector can raise
 * (the catalogue's cases) is scanned for the code's own terms and for typing slips that crept in before
 * ("Verify on main side", "auth variant direct-jws", "Not a response. this is…", doubled periods).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { requestFamilies, requestWorld, responseFamilies } from '../../shared/__fixtures__/cases';
import { FINDING_IDS } from '../../shared/diagnostics/catalog';
import { inspectRequestText } from '../../shared/diagnostics/request';
import { inspectResponseText } from '../../shared/diagnostics/response';
import { ERRORS } from '../../shared/errors';

const src = resolve(__dirname, '../../renderer/src');

/** Terms from inside the code that must never reach the screen. */
const BANNED: Array<[RegExp, string]> = [
  [/\bmain[ -]side\b/i, 'the code’s name for the app’s core'],
  [/\bmain process\b/i, 'the code’s name for the app’s core'],
  [/direct-jws/, 'an auth variant’s code name'],
  [/\bauth variants?\b/i, 'the code’s name for how a request is signed'],
  [/nothing recognisable/i, 'says nothing useful'],
  [/npm run serve/, 'a developer’s command: users restart with npm start'],
];
/** Slips: a doubled period (not an ellipsis or a path), a sentence that restarts in lower case. */
const SLIPS: Array<[RegExp, string]> = [
  [/(?<![./])\.\s+\.(?![./])|(?<![./\w])\.\.(?![./\w])|\w\.\.(?=\s|$)/, 'a doubled period'],
  [/(?<!\b(?:e\.g|i\.e|vs|etc|approx))[.!?]\s+(?!(?:e\.g|i\.e|vs)\b)[a-z][a-z]+\s/, 'a sentence starting in lower case'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === '__fixtures__' ? [] : sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** The text a file can put on screen: JSX text, string literals and template text, but not import paths or CSS class names. */
function visibleTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxAttribute(node) && ['className', 'key', 'id', 'data-testid', 'href', 'type', 'name', 'inputMode', 'autoComplete', 'role', 'rel', 'target'].includes(node.name.getText())) return;
    if (ts.isJsxText(node)) out.push(node.getText().replace(/\s+/g, ' ').trim());
    else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.filter((t) => t.trim() !== '');
}

function offences(texts: Array<{ where: string; text: string }>, rules: Array<[RegExp, string]>): string[] {
  return texts.flatMap(({ where, text }) => rules.filter(([re]) => re.test(text)).map(([, why]) => `${where}: ${why}: ${JSON.stringify(text.slice(0, 140))}`));
}

describe('words the window shows', () => {
  const texts = sources(src).flatMap((file) => visibleTexts(file).map((text) => ({ where: relative(src, file), text })));

  it('scans the whole window', () => {
    expect(texts.length).toBeGreaterThan(1000);
    // The scan sees what it must catch: the old strings would be found.
    expect(offences([{ where: 'x', text: 'Verify on main side' }, { where: 'y', text: 'Not a response. this is not a response' }, { where: 'z', text: 'Done. .' }], [...BANNED, ...SLIPS])).toHaveLength(3);
  });

  it('never uses the code’s own terms', () => {
    expect(offences(texts, BANNED)).toEqual([]);
  });

  it('has no doubled periods or sentences restarting in lower case', () => {
    expect(offences(texts, SLIPS)).toEqual([]);
  });
});

describe('words the inspector and its errors say', async () => {
  const world = await requestWorld();
  const requests = Object.values(await requestFamilies(world)).flat();
  const responses = Object.values(responseFamilies()).flat();
  const findings = [
    ...requests.flatMap((c) => inspectRequestText(c.raises.text, c.raises.options).findings),
    ...responses.flatMap((c) => inspectResponseText(c.raises.text, c.raises.options).findings),
  ];
  const texts = findings.flatMap((f) => [
    { where: f.id, text: f.message },
    { where: `${f.id} (fix)`, text: f.fix },
  ]);
  const catalogue = Object.entries(FINDING_IDS).map(([id, e]) => ({ where: `${id} (title)`, text: e.title }));
  const errors = Object.entries(ERRORS).flatMap(([code, e]) => [{ where: `${code} (title)`, text: e.title }, ...Object.values(((e as { fix?: Record<string, string> }).fix ?? {})).map((text) => ({ where: `${code} (fix)`, text }))]);

  it('never uses the code’s own terms in a finding, a title or an error', () => {
    expect(findings.length).toBeGreaterThan(100);
    expect(offences([...texts, ...catalogue, ...errors], BANNED)).toEqual([]);
  });

  it('has no doubled periods in a finding', () => {
    expect(offences(texts, SLIPS.slice(0, 1))).toEqual([]);
  });
});
