/**
 * The execution-engine version this engine answers to. Roboflow definitions ask for a version and are
 * accepted when it lies in `>=requested,<next major` (reference §1.1), so we report the reference's.
 */
export const EXECUTION_ENGINE_VERSION = '1.15.0';

const versionPattern = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[.-]?(?:a|b|rc|alpha|beta|dev|post)\.?\d*)*\s*$/i;

export type VersionCheck = { ok: true } | { ok: false; reason: 'unparseable' | 'unsupported' };

/** Applies the reference acceptance rule to a requested version string. */
export function checkRequestedVersion(requested: string): VersionCheck {
  const match = versionPattern.exec(requested);
  if (!match) return { ok: false, reason: 'unparseable' };
  const wanted = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  const ours = EXECUTION_ENGINE_VERSION.split('.').map(Number);
  if (ours[0] !== wanted[0]) return { ok: false, reason: 'unsupported' };
  for (let index = 1; index < 3; index++) {
    if (ours[index]! > wanted[index]!) return { ok: true };
    if (ours[index]! < wanted[index]!) return { ok: false, reason: 'unsupported' };
  }
  return { ok: true };
}
