import { unzipSync } from 'fflate';

/**
 * Teams reads manifest.json from the zip root and the icons from the relative paths it names;
 * anything nested in a folder (the usual mistake: zipping the appPackage folder itself) or missing is
 * refused at upload with a generic error, and extra files have no business being there.
 */
export function checkZipLayout(zip: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return [`the package is not a readable zip: ${(error as Error).message}`];
  }
  const names = Object.keys(entries);
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes)
    return [`manifest.json is not at the zip root (entries: ${names.join(', ') || 'none'})`];
  let icons: unknown;
  try {
    icons = (JSON.parse(new TextDecoder().decode(manifestBytes)) as { icons?: unknown }).icons;
  } catch {
    return ['manifest.json in the zip is not valid JSON'];
  }
  const { color, outline } = (icons ?? {}) as { color?: unknown; outline?: unknown };
  const expected = ['manifest.json', color, outline].filter((n): n is string => typeof n === 'string');
  const problems = expected.filter((n) => !names.includes(n)).map((n) => `${n} is not at the zip root`);
  problems.push(
    ...expected
      .filter((n) => n.includes('/'))
      .map((n) => `${n} is in a folder; Teams expects the icons at the zip root`),
  );
  problems.push(...names.filter((n) => !expected.includes(n)).map((n) => `unexpected entry ${n} in the zip`));
  return problems;
}
