/** An explicit value wins; otherwise the environment variable, read at call time; empty strings count as unset. */
export function loadSetting(explicit: string | undefined, variable: string): string | undefined {
  if (explicit !== undefined && explicit !== '') return explicit;
  const fromEnv = process.env[variable];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
