/** Every `text` string inside a Block Kit payload, in order: for assertions that do not care about layout. */
export function blockTexts(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [key, value] of Object.entries(n)) {
        if (key === 'text' && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(node);
  return out;
}

/** The same texts joined with newlines. */
export function textsUnder(node: unknown): string {
  return blockTexts(node).join('\n');
}
