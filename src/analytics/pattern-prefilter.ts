// Cheap, exact shortcuts for OPAWG patterns: which first characters can match, and leading wildcards dropped.

/** The top-level alternatives of a pattern (split on `|` outside groups, classes and escapes). */
function alternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

/** `(a|b)` as `a|b` when the group wraps the whole pattern and nothing quantifies it. */
function unwrapGroup(pattern: string): string {
  if (!pattern.startsWith('(') || pattern.startsWith('(?') || !pattern.endsWith(')')) return pattern;
  const inner = pattern.slice(1, -1);
  // Wrapped only if the inner text is balanced on its own, e.g. not "(a)|(b)".
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return pattern;
  }
  return depth === 0 ? inner : pattern;
}

const QUANTIFIERS = '?*+{';
const SPECIAL = '\\^$.|?*+()[]{}';

/**
 * The characters a User-Agent must start with for `pattern` to match, or null when any may (an
 * alternative not of the form `^` + literal). Most OPAWG entries are `^App/`: with this, a string is
 * tested only against the ~1 in 20 patterns that can match its first character.
 */
export function firstCharacters(pattern: string): string | null {
  let chars = '';
  for (const alternative of alternatives(unwrapGroup(pattern))) {
    if (alternative[0] !== '^') return null;
    let c = alternative[1];
    let next = 2;
    if (c === '\\') {
      c = alternative[2];
      next = 3;
      // `\d`, `\s`, `\w`... are classes, not literals; `\(`, `\.`, `\[` are.
      if (c === undefined || /[A-Za-z0-9]/.test(c)) return null;
    } else if (c === undefined || SPECIAL.includes(c)) return null;
    const after = alternative[next];
    if (after !== undefined && QUANTIFIERS.includes(after)) return null;
    if (!chars.includes(c)) chars += c;
  }
  return chars;
}

/**
 * `.*X` and `.+X` at the very start of an unanchored pattern test the same strings as `X` and `.X`
 * (the wildcard may match nothing, or one character), without V8 retrying the wildcard at every offset:
 * OPAWG's `.*MJ12bot` and `.*KAIOS/` cost ~60 times more than `MJ12bot` on a browser's User-Agent.
 */
export function withoutLeadingWildcard(pattern: string): string {
  if (alternatives(pattern).length !== 1) return pattern;
  if (pattern.startsWith('.*') && !QUANTIFIERS.includes(pattern[2] ?? '')) return pattern.slice(2);
  if (pattern.startsWith('.+') && !QUANTIFIERS.includes(pattern[2] ?? '')) return `.${pattern.slice(2)}`;
  return pattern;
}
