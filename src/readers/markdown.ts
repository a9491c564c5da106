// Markdown -> plain text with a real parser (mdast). A leading level-1 heading
// is the title; YAML front matter gives title and date.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export function readMarkdown(src: string): { title: string; date: string; text: string } {
  let title = '';
  let date = '';
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(src);
  if (fm) {
    for (const line of fm[1].split(/\r?\n/)) {
      const m = /^(title|date)\s*:\s*(.*)$/i.exec(line);
      if (!m) continue;
      const v = m[2].trim().replace(/^["']|["']$/g, '');
      if (m[1].toLowerCase() === 'title') title = v;
      else date = v;
    }
    src = src.slice(fm[0].length);
  }
  const tree = fromMarkdown(src);
  const blocks: string[] = [];
  let first = true;
  for (const node of tree.children) {
    if (first && node.type === 'heading' && node.depth === 1 && !title) {
      title = toString(node);
      first = false;
      continue;
    }
    first = false;
    if (node.type === 'code' || node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') continue;
    if (node.type === 'list') {
      for (const item of node.children) blocks.push(toString(item, { includeImageAlt: false }));
      continue;
    }
    const t = toString(node, { includeImageAlt: false });
    if (t.trim()) blocks.push(t);
  }
  return { title, date, text: blocks.join('\n\n') };
}
