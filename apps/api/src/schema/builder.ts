import SchemaBuilder from "@pothos/core";
import type { ApiContext } from "../context.js";

/** The one Pothos builder every schema/<entity>.ts file adds its types to. */
export const builder = new SchemaBuilder<{ Context: ApiContext; DefaultFieldNullability: false }>({
  // Fields are non-null unless a field says otherwise: clients need not guard against nulls that never come.
  defaultFieldNullability: false,
});

builder.queryType({ description: "Everything Retrain Studio can be asked." });
