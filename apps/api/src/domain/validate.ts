import { ValidationError } from "./errors.js";

/** Lengths of free text: long enough for any real use, short enough that no request can store a novel. */
export const TEXT_LIMITS = { name: 100, description: 2_000, comment: 5_000, email: 254, password: 1_024 } as const;

/** A trimmed name of 1..max characters. */
export function requireName(field: string, value: string, max: number = TEXT_LIMITS.name): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new ValidationError(field, `${field} must not be empty`);
  if (trimmed.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

/** Free text that may be empty, up to `max` characters. */
export function optionalText(field: string, value: string | null | undefined, max: number = TEXT_LIMITS.description) {
  if (value == null) return undefined;
  if (value.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return value;
}

export function requireEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > TEXT_LIMITS.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ValidationError(field, `${field} is not an email address`);
  }
  return email;
}

/** A password of `min`..1,024 characters: the upper bound keeps one hash from costing more than any other. */
export function requirePassword(field: string, value: string, min = 8): string {
  if (value.length < min) throw new ValidationError(field, `${field} must be at least ${min} characters`);
  if (value.length > TEXT_LIMITS.password)
    throw new ValidationError(field, `${field} must be at most ${TEXT_LIMITS.password} characters`);
  return value;
}

/**
 * A path of this site to go to after signing in; anything else (another site, `//host`, `/\host`, which
 * browsers read as `//host`) becomes the workspaces page.
 */
export function safeRedirectPath(value: string | null | undefined): string {
  const path = value ?? "";
  return /^\/(?![/\\])[^\\\s]*$/.test(path) ? path : "/workspaces";
}
