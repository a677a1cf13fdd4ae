import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  type ASTVisitor,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/** What one GraphQL request may ask for; beyond it the request is refused before anything runs. */
export const QUERY_LIMITS = {
  depth: 12,
  cost: 20_000,
  aliases: 15,
  directives: 20,
  /** Lexical tokens of the document, counted while parsing (a huge document is refused before it is built). */
  tokens: 5_000,
  /** Top-level mutation fields: each does real work (a hash, a write, a job), so a request holds only a few. */
  mutations: 5,
  /**
   * Fields that cost CPU far beyond a row read, any viewer or READ token may ask for, each counted at its
   * weight: a request holds at most `heavyBudget` of them (so 15 aliases of compareRuns are refused).
   */
  heavyFields: { compareRuns: 2_500, evidence: 2_500, health: 2_500 } as Record<string, number>,
  heavyBudget: 5_000,
};

/** A refusal is reported as a validation error (GRAPHQL_VALIDATION_FAILED) instead of thrown as a crash. */
const report = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/** Counts top-level fields of mutation operations, through fragments too, and refuses more than `max`. */
export function maxMutationsRule(max: number): ValidationRule {
  return (context): ASTVisitor => {
    const count = (set: SelectionSetNode, seen: Set<string>): number =>
      set.selections.reduce((sum, selection) => {
        if (selection.kind === Kind.FIELD) return sum + 1;
        if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        if (!fragment || seen.has(name)) return sum;
        return sum + count(fragment.selectionSet, new Set([...seen, name]));
      }, 0);
    return {
      OperationDefinition(node) {
        if (node.operation !== "mutation") return;
        const fields = count(node.selectionSet, new Set());
        if (fields > max)
          context.reportError(
            new GraphQLError(`A request may hold at most ${max} mutations; this one holds ${fields}.`, {
              nodes: [node],
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            }),
          );
      },
    };
  };
}

/**
 * Adds up the weights of the named fields in each operation (through fragments, each time they are spread)
 * and refuses an operation over `budget`.
 */
export function heavyFieldsRule(weights: Record<string, number>, budget: number): ValidationRule {
  return (context): ASTVisitor => {
    const cost = (set: SelectionSetNode, seen: Set<string>): number =>
      set.selections.reduce((sum, selection) => {
        if (selection.kind === Kind.FIELD)
          return (
            sum +
            (weights[selection.name.value] ?? 0) +
            (selection.selectionSet ? cost(selection.selectionSet, seen) : 0)
          );
        if (selection.kind === Kind.INLINE_FRAGMENT) return sum + cost(selection.selectionSet, seen);
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        if (!fragment || seen.has(name)) return sum;
        return sum + cost(fragment.selectionSet, new Set([...seen, name]));
      }, 0);
    return {
      OperationDefinition(node) {
        const total = cost(node.selectionSet, new Set());
        if (total > budget)
          context.reportError(
            new GraphQLError(
              `This request asks for too much computation (${total} of at most ${budget}: compareRuns, evidence and health cost ${Object.values(weights)[0]} each).`,
              { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
            ),
          );
      },
    };
  };
}

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: QUERY_LIMITS.depth, ...report }),
  costLimitRule({ maxCost: QUERY_LIMITS.cost, ...report }),
  maxAliasesRule({ n: QUERY_LIMITS.aliases, ...report }),
  maxDirectivesRule({ n: QUERY_LIMITS.directives, ...report }),
  maxMutationsRule(QUERY_LIMITS.mutations),
  heavyFieldsRule(QUERY_LIMITS.heavyFields, QUERY_LIMITS.heavyBudget),
];

export const parseOptions = { maxTokens: QUERY_LIMITS.tokens };
