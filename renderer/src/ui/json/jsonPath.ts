/**
 * The JSON path of a position in a JSON text, from CodeMirror's syntax tree (lezer's JSON grammar):
 * `payload.vpaAccounts[0].accounts[1].mpinSet`. Keys that are not identifiers are quoted
 * (`["a key"]`). The root itself has the empty path.
 */
import type { SyntaxNode, Tree } from '@lezer/common';

const PUNCTUATION = new Set(['[', ']', '{', '}', ',', ':']);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const CONTAINERS = new Set(['Object', 'Array', 'JsonText']);

function isValue(node: SyntaxNode): boolean {
  return !PUNCTUATION.has(node.name) && !node.type.isError;
}

function keyOf(raw: string): string {
  try {
    const key: unknown = JSON.parse(raw);
    if (typeof key === 'string') return key;
  } catch {
    // A key still being typed or damaged: show it as written.
  }
  return raw.replace(/^"|"$/g, '');
}

/** The innermost node at pos, preferring a token that ends at pos when nothing starts there, then the item before a comma. */
function nodeAt(tree: Tree, pos: number): SyntaxNode {
  const after = tree.resolveInner(pos, 1);
  if (!CONTAINERS.has(after.name) && !PUNCTUATION.has(after.name)) return after;
  const before = tree.resolveInner(pos, -1);
  if (!CONTAINERS.has(before.name) && !PUNCTUATION.has(before.name)) return before;
  // At the end of `"key": value,` the cursor means that property, not the object around it.
  if (before.name === ',' && before.prevSibling) return before.prevSibling;
  return after;
}

/** The path of the value (or key) at pos; `slice` reads the text between two offsets. */
export function jsonPathAt(tree: Tree, slice: (from: number, to: number) => string, pos: number): string {
  const parts: string[] = [];
  for (let node: SyntaxNode | null = nodeAt(tree, pos); node; node = node.parent) {
    const parent = node.parent;
    if (node.name === 'Property') {
      const name = node.getChild('PropertyName');
      if (name) {
        const key = keyOf(slice(name.from, name.to));
        parts.push(IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
      }
    } else if (parent?.name === 'Array' && isValue(node)) {
      let index = 0;
      for (let c = parent.firstChild; c && c.from < node.from; c = c.nextSibling) if (isValue(c)) index++;
      parts.push(`[${index}]`);
    }
  }
  return parts.reverse().join('').replace(/^\./, '');
}
