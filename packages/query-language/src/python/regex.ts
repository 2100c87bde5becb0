const cache = new Map<string, RegExp>();

/**
 * A Python `re` pattern as a JavaScript `RegExp`: leading inline flags (`(?i)`, `(?s)`, `(?m)`), named
 * groups (`(?P<name>...)`, `(?P=name)`) and the string anchors `\A` / `\Z` are translated; the rest of
 * the syntax is common to both. Throws a `SyntaxError` for a pattern neither accepts.
 */
export function translatePythonRegex(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]!) {
      if (flag === 'i' || flag === 'm' || flag === 's') flags += flags.includes(flag) ? '' : flag;
      else if (flag === 'x') throw new SyntaxError('the verbose flag (?x) is not supported');
    }
  }
  source = source
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\Z/g, '$1$(?![\\s\\S])');
  const compiled = new RegExp(source, flags);
  if (cache.size > 256) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}
