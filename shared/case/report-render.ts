/**
 * The merchant report as Markdown (to paste into a ticket or a mail) and as one printable HTML page.
 * The page is self-contained and CSP-safe: no script, no external asset, no inline style attribute; its
 * one stylesheet is allowed by its SHA-256 in the page's own Content-Security-Policy.
 */
import type { SnippetLang } from '../snippets';
import type { MerchantReport } from './report-model';

const FENCE: Record<SnippetLang, string> = { kotlin: 'kotlin', java: 'java', node: 'js', 'java-server': 'java', python: 'python', openssl: 'bash' };

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
function fenceFor(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** Escapes what Markdown would read as markup; `_` is left alone (intraword, as in thumbprints, it is not emphasis). */
function inline(text: string): string {
  return text.replace(/([\\`*[\]<>|])/g, '\\$1');
}

export function reportMarkdown(r: MerchantReport): string {
  const out: string[] = [`# ${inline(r.title)}`, ''];
  for (const f of r.facts) out.push(`- **${f.label}:** \`${f.value.replace(/`/g, "'")}\``);
  out.push('', '## What is wrong', '', inline(r.cause), '', '## Proof', '');
  for (const p of r.proof) out.push(`- **${p.label}:** ${inline(p.value)}`);
  if (r.signedBytes !== undefined) {
    const fence = fenceFor(r.signedBytes);
    out.push('', 'The exact bytes that were signed, ASCII(protected + "." + signaturePayload):', '', fence, r.signedBytes, fence);
  }
  if (r.decoded) {
    out.push('', 'Decoded:', '');
    if (r.decoded.header !== undefined) out.push(`- header: \`${r.decoded.header.replace(/`/g, "'")}\``);
    if (r.decoded.claims !== undefined) out.push(`- claims: \`${r.decoded.claims.replace(/`/g, "'")}\``);
  }
  for (const n of r.notes) out.push('', `> ${inline(n)}`);
  out.push('', '## How to fix it', '', inline(r.fix), '');
  if (r.snippets.length) {
    out.push('## Code for your stack', '');
    for (const s of r.snippets) {
      const fence = fenceFor(s.code);
      out.push(`### ${inline(s.label)}`, '', `Save as \`${s.fileName}\`. ${inline(s.usage)}`, '', `${fence}${FENCE[s.lang]}`, s.code.replace(/\n$/, ''), fence, '');
    }
  } else if (r.snippetNote) out.push(`_No code: ${inline(r.snippetNote)}_`, '');
  out.push('---', '', `_${inline(r.footer)}_`, '');
  return out.join('\n');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The page's only stylesheet; REPORT_STYLE_SHA256 must be its hash (a test recomputes it). */
export const REPORT_STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
body { margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.cause { font-size: 1.1rem; font-weight: 600; padding: 0.75rem 1rem; border-left: 4px solid #cf222e; background: #fff5f5; }
.cause.ok { border-left-color: #1a7f37; background: #f0fff4; }
.fix { padding: 0.75rem 1rem; border-left: 4px solid #0969da; background: #f3f8ff; }
.note { color: #57606a; font-style: italic; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { margin-top: 2.5rem; color: #57606a; font-size: 0.85rem; }
@media print { main { padding: 0; max-width: none; } pre { white-space: pre-wrap; page-break-inside: avoid; } h2 { page-break-after: avoid; } }
`;
export const REPORT_STYLE_SHA256 = 'yu9Xqsb5ULvau5Gmu66iB4ALsbTY02eT9t/N8gROeTo=';

export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${REPORT_STYLE_SHA256}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

function definitions(items: ReadonlyArray<{ label: string; value: string }>, label: string): string {
  return `<dl aria-label="${esc(label)}">${items.map((i) => `<dt>${esc(i.label)}</dt><dd>${esc(i.value)}</dd>`).join('')}</dl>`;
}

export function reportHtml(r: MerchantReport): string {
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(r.title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(r.title)}</h1>`,
    definitions(r.facts, 'The request'),
    '<section aria-labelledby="what-is-wrong">',
    '<h2 id="what-is-wrong">What is wrong</h2>',
    `<p class="cause${r.ok ? ' ok' : ''}" id="root-cause">${esc(r.cause)}</p>`,
    '</section>',
    '<section aria-labelledby="proof">',
    '<h2 id="proof">Proof</h2>',
    definitions(r.proof, 'Proof'),
  ];
  if (r.signedBytes !== undefined) parts.push('<h3>The exact bytes that were signed, ASCII(protected + "." + signaturePayload)</h3>', `<pre><code>${esc(r.signedBytes)}</code></pre>`);
  if (r.decoded) parts.push(definitions([...(r.decoded.header !== undefined ? [{ label: 'header', value: r.decoded.header }] : []), ...(r.decoded.claims !== undefined ? [{ label: 'claims', value: r.decoded.claims }] : [])], 'Decoded'));
  for (const n of r.notes) parts.push(`<p class="note">${esc(n)}</p>`);
  parts.push('</section>', '<section aria-labelledby="fix">', '<h2 id="fix">How to fix it</h2>', `<p class="fix" id="the-fix">${esc(r.fix)}</p>`, '</section>');
  if (r.snippets.length) {
    parts.push('<section aria-labelledby="code">', '<h2 id="code">Code for your stack</h2>');
    for (const s of r.snippets) parts.push(`<h3>${esc(s.label)}</h3>`, `<p>Save as <code>${esc(s.fileName)}</code>. ${esc(s.usage)}</p>`, `<pre><code>${esc(s.code)}</code></pre>`);
    parts.push('</section>');
  } else if (r.snippetNote) parts.push(`<p class="note">No code: ${esc(r.snippetNote)}</p>`);
  parts.push(`<footer>${esc(r.footer)}</footer>`, '</main>', '</body>', '</html>', '');
  return parts.join('\n');
}
