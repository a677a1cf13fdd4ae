"use client";
import { useEffect, useState } from "react";

const THEMES = ["system", "light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const KEY = "retrain-theme";

/** Applies a theme: light or dark on the root element, or the system's (prefers-color-scheme) when none. */
function apply(theme: Theme) {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** The top bar's theme button: system, light, dark in turn; remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    const saved = localStorage.getItem(KEY);
    const chosen = THEMES.find((t) => t === saved) ?? "system";
    setTheme(chosen);
    apply(chosen);
  }, []);
  const next = () => {
    const chosen = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? "system";
    setTheme(chosen);
    apply(chosen);
    localStorage.setItem(KEY, chosen);
  };
  return (
    <button type="button" className="secondary theme-toggle" onClick={next} aria-label={`Theme: ${theme}`}>
      Theme: {theme}
    </button>
  );
}
