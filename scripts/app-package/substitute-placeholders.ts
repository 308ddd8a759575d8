// The toolkit's placeholder syntax: ${{NAME}}, optionally with spaces inside the braces.
const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type Substitution = { text: string; missing: string[] };

/** Names of the placeholders in a text, in order of first use. */
export function listPlaceholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(placeholder), (m) => m[1] as string))];
}

/**
 * Replaces each placeholder with its value. An empty value is a value (APP_NAME_SUFFIX is often empty);
 * only undefined names are missing, and they stay in the text.
 */
export function substitutePlaceholders(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
  escape: (value: string) => string = (value) => value,
): Substitution {
  const missing = new Set<string>();
  const out = text.replace(placeholder, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return escape(value);
  });
  return { text: out, missing: [...missing] };
}

/** Escapes a value for use inside a JSON string literal, where every manifest placeholder sits. */
export const jsonStringContent = (value: string): string => JSON.stringify(value).slice(1, -1);
