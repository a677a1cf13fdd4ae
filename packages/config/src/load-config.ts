import { z } from "zod";

/** A setting that is missing or wrong; the message names each variable and what it should be. */
export class ConfigError extends Error {}

/**
 * Reads a process's settings from the environment. A wrong value stops the start with one line per problem,
 * naming the variable and its description, instead of failing later somewhere far from the cause.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // Empty strings count as unset, as a shell's `VAR= cmd` means.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "?");
    const description = (schema.shape as Record<string, z.ZodType>)[name]?.description;
    return `  ${name}: ${issue.message}${description ? ` (${description})` : ""}`;
  });
  throw new ConfigError(`Invalid settings:\n${lines.join("\n")}`);
}

/** Every setting of a schema as [name, description, default] rows, for docs/settings.md and --help. */
export function describeSettings(schema: z.ZodObject): { name: string; description: string; default?: string }[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    // A default may sit under a transform (folders are resolved after their default is taken).
    const inner = field instanceof z.ZodPipe ? field.def.in : field;
    const fallback = inner instanceof z.ZodDefault ? inner.def.defaultValue : undefined;
    return {
      name,
      description: field.description ?? "",
      ...(fallback !== undefined ? { default: JSON.stringify(fallback) } : {}),
    };
  });
}
