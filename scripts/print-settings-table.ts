import { settingsTable } from "./lib/settings-table.js";

// `npm run settings-table`: the settings table of docs/settings.md, from the processes' schemas.
console.log(settingsTable());
