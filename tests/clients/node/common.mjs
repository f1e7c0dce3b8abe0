// What the client tests share: where stet and the example are, and places in a text.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../../..');
export const stet = process.env.STET ?? resolve(repo, 'target/debug/stet');
export const example = resolve(repo, 'examples/el-salvador');

/** The LSP position (UTF-16) of the `nth` occurrence of `needle` in `text`, plus `offset`. */
export function positionOf(text, needle, offset = 0, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in the text`);
  }
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** `text` with LSP text edits applied, the last first so earlier places stay right. */
export function applyEdits(text, edits) {
  const offset = ({ line, character }) => {
    const lines = text.split('\n');
    return lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) {
    text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  }
  return text;
}
