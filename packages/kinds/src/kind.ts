import type { z } from 'zod';

/** Where a value is being deserialised, and the loaders the host (CLI, server) allows. */
export interface DeserializeContext {
  /** Identifier of the element, e.g. `image` or `image.[2]`; becomes an image's `parentId`. */
  elementId: string;
  /** Fetches an image URL; absent when the host does not allow URL inputs. */
  loadImageUrl?: (url: string) => Promise<Uint8Array>;
  /** Reads an image file; only the CLI provides it. */
  loadImageFile?: (path: string) => Promise<Uint8Array>;
}

/** A named type of value that block properties and workflow inputs declare. */
export interface Kind<Internal = unknown> {
  readonly name: string;
  readonly description: string;
  readonly docs?: string;
  /** Python-style type hint of the wire form, kept for Roboflow describe compatibility. */
  readonly serialisedDataType: string;
  /** Python-style type hint of the in-engine value. */
  readonly internalDataType: string;
  /** Schema of the wire form (what a client sends or receives). */
  readonly schema?: z.ZodType;
  /** Turns a runtime value into its JSON wire form. Throws when the value is not of this kind. */
  serialize?(value: Internal): unknown;
  /** Turns a wire value of a batch input into a runtime value. Throws when it cannot. */
  deserialize?(value: unknown, context: DeserializeContext): Internal | Promise<Internal>;
}

/** Declares a kind; a plain identity helper that keeps the generic type. */
export function defineKind<Internal>(kind: Kind<Internal>): Kind<Internal> {
  return kind;
}

export const WILDCARD_KIND_NAME = '*';

/** Kind lists are compatible when either holds the wildcard or they share a name (reference §3.3). */
export function areKindsCompatible(expected: readonly string[], actual: readonly string[]): boolean {
  if (expected.includes(WILDCARD_KIND_NAME) || actual.includes(WILDCARD_KIND_NAME)) return true;
  return expected.some((name) => actual.includes(name));
}

/** The JSON description of a kind used by describe endpoints. */
export function describeKind(kind: Kind): {
  name: string;
  description: string;
  docs: string | null;
  serialised_data_type: string;
  internal_data_type: string;
} {
  return {
    name: kind.name,
    description: kind.description,
    docs: kind.docs ?? null,
    serialised_data_type: kind.serialisedDataType,
    internal_data_type: kind.internalDataType,
  };
}
