import { isJobKind, JOB_KIND_NAMES, JOB_KINDS, type JobKind, type StoredJobResult } from "@retrain/jobs";
import { z } from "zod";
import { builder } from "./builder.js";

/** A job's stored result with its kind, which tells the union which type it is. */
export type KindedResult = StoredJobResult & { kind: JobKind };

type Fields = Record<string, unknown>;

const objectTypes = new Map<string, ReturnType<typeof builder.objectRef<Fields>>>();

/** The schema under optional/nullable wrappers, and whether null may come out. */
function unwrap(field: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  let inner = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return { inner, nullable: field.safeParse(null).success };
}

/**
 * A GraphQL object type for a result schema of the job registry, named and described by its `meta`, one field
 * per key, described by `describe`. Stored results are partial while a job runs: a count not reported yet
 * reads 0 and a string "" (null where the schema allows null), a list [].
 */
function objectTypeOf(schema: z.ZodObject) {
  const { title, description } = schema.meta() ?? {};
  if (typeof title !== "string") throw new Error("A job result schema needs meta({ title }): its GraphQL name.");
  const known = objectTypes.get(title);
  if (known) return known;
  const ref = builder.objectRef<Fields>(title);
  objectTypes.set(title, ref);
  ref.implement({
    description: typeof description === "string" ? description : undefined,
    fields: (t) => {
      const fieldOf = (name: string, field: z.ZodType) => {
        const { inner, nullable } = unwrap(field);
        const options = { description: field.description ?? inner.description };
        const v = (r: Fields) => r[name];
        const number = (r: Fields) => {
          const value = v(r);
          return typeof value === "number" ? value : null;
        };
        if (inner instanceof z.ZodNumber) {
          if (nullable)
            return inner.isInt
              ? t.int({ ...options, nullable: true, resolve: number })
              : t.float({ ...options, nullable: true, resolve: number });
          return inner.isInt
            ? t.int({ ...options, resolve: (r) => number(r) ?? 0 })
            : t.float({ ...options, resolve: (r) => number(r) ?? 0 });
        }
        const text = (r: Fields) => {
          const value = v(r);
          return typeof value === "string" ? value : null;
        };
        if (inner instanceof z.ZodString)
          return nullable
            ? t.string({ ...options, nullable: true, resolve: text })
            : t.string({ ...options, resolve: (r) => text(r) ?? "" });
        if (inner instanceof z.ZodBoolean) return t.boolean({ ...options, resolve: (r) => v(r) === true });
        if (inner instanceof z.ZodArray && inner.element instanceof z.ZodObject)
          return t.field({
            ...options,
            type: [objectTypeOf(inner.element)],
            resolve: (r) => {
              const value = v(r);
              return Array.isArray(value) ? value : [];
            },
          });
        throw new Error(
          `Job result field ${name}: only numbers, strings, booleans and lists of objects become GraphQL.`,
        );
      };
      return Object.fromEntries(Object.entries(schema.shape).map(([name, field]) => [name, fieldOf(name, field)]));
    },
  });
  return ref;
}

const RESULT_TYPES = new Map(JOB_KIND_NAMES.map((kind) => [kind, objectTypeOf(JOB_KINDS[kind].result)]));

/** What a job did, by kind: one member per kind in the job registry. */
export const JobResultUnion = builder.unionType("JobResult", {
  description: "What a job did, by kind.",
  types: [...RESULT_TYPES.values()],
  resolveType: ({ kind }) => (typeof kind === "string" && isJobKind(kind) ? RESULT_TYPES.get(kind) : null),
});
