/** What a key does in the labelling view (the `?` help lists the same). */
export type LabellingAction =
  | { kind: "label"; index: number }
  | { kind: "accept" | "next" | "previous" | "select" | "unlabel" | "undo" | "help" };

/** The keys, as the help shows them. */
export const LABELLING_KEYS: [string, string][] = [
  ["1-9", "give the label of that number (to the selection, if any)"],
  ["Enter", "accept the suggested label"],
  ["→ / ←", "next / previous image"],
  ["Space", "select or unselect the image"],
  ["u", "remove the image's label"],
  ["z", "undo the last change"],
  ["?", "show or hide these keys"],
];

/** The action of a key press, or null for keys the view leaves alone (Tab, modifiers...). */
export function actionOfKey(
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  labelCount: number,
): LabellingAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (/^[1-9]$/.test(event.key)) {
    const index = Number(event.key) - 1;
    return index < labelCount ? { kind: "label", index } : null;
  }
  const byKey: Record<string, LabellingAction["kind"]> = {
    Enter: "accept",
    ArrowRight: "next",
    ArrowDown: "next",
    ArrowLeft: "previous",
    ArrowUp: "previous",
    " ": "select",
    u: "unlabel",
    z: "undo",
    "?": "help",
  };
  const kind = byKey[event.key];
  return kind ? ({ kind } as LabellingAction) : null;
}
