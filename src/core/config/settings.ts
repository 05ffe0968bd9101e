import type { Config } from './types.generated';
import { CONFIG_KEYS } from './schema';

/**
 * The configuration from editor settings: `get(key)` reads the setting `postmortem.<key>` for each
 * top-level key of the schema (e.g. `(k) => vscode.workspace.getConfiguration('postmortem', uri).get(k)`).
 * Unset values and values equal to the schema's default are left out, so the built-in defaults
 * (priority descriptions, for one) apply and a `.postmortem.yaml` merged on top decides the rest.
 * Values are not checked here: resolveConfig reports bad ones.
 */
export function configFromSettings(get: (key: string) => unknown): Config {
  const config: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
    const value = get(key);
    if (value === undefined || value === null || JSON.stringify(value) === JSON.stringify(spec.default)) continue;
    config[key] = value;
  }
  return config as Config;
}
