import { FlowError } from '@flow/kinds';

/**
 * Keys Roboflow manages for its users (`rf_key:account`, `rf_key:user:<id>`): the reference routes them through
 * its proxy; here they mean "use the key from the environment".
 */
export function isRoboflowManagedKey(value: string): boolean {
  return value.startsWith('rf_key:');
}

export interface ApiKeyLookup {
  /** The step's field value (a literal, or what its selector resolved to). */
  value: unknown;
  step: string;
  field: string;
  /** The vendor's environment variable, e.g. `OPENAI_API_KEY`; the first set one wins. */
  envVars: readonly string[];
  env?: Record<string, string | undefined>;
}

/** The API key a step should use: its field, else the vendor's environment variable. Never echoes the key. */
export function resolveApiKey({ value, step, field, envVars, env = process.env }: ApiKeyLookup): string {
  if (typeof value === 'string' && value.trim() !== '' && !isRoboflowManagedKey(value)) return value;
  for (const name of envVars) {
    const fromEnv = env[name];
    if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  }
  const why = typeof value === 'string' && isRoboflowManagedKey(value) ? 'holds a Roboflow-managed key placeholder' : 'is empty';
  throw new FlowError({
    code: 'MISSING_API_KEY',
    message: `Step \`${step}\`: \`${field}\` ${why} and ${envVars.join(' / ')} is not set. Set ${envVars[0]} or give the step its own key.`,
    details: { step, property: field, env: envVars[0] },
  });
}
