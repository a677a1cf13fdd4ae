import { settingsTable } from "./lib/settings-table.js";

// `npm run settings-table`: the README's settings table, from the processes' schemas.
console.log(settingsTable());
