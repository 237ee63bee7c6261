/** Small helpers for reading untyped JSON request bodies. */
import type { Json, JsonObject } from './types';

/** The value as an object, or an empty object when it is not one. */
export function obj(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The value when it is a string, else the fallback. */
export function str<T extends string | null>(value: Json | undefined, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

/** The value when it is a boolean, else the fallback. */
export function bool(value: Json | undefined, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** The value when it is an array of strings, else the fallback. */
export function strings(value: Json | undefined, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
}

/** A deep copy, so callers never share the store's objects. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
