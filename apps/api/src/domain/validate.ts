import { ValidationError } from "./errors.js";

/** A trimmed name of 1..max characters. */
export function requireName(field: string, value: string, max = 100): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new ValidationError(field, `${field} must not be empty`);
  if (trimmed.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

export function requireEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new ValidationError(field, `${field} is not an email address`);
  }
  return email;
}
