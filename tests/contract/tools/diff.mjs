// Every change between two OpenAPI documents, classified by api-smart-diff (breaking, non-breaking, annotation,
// unclassified): `node diff.mjs released.json current.json` prints a JSON list of {type, action, path}.
import { apiCompare } from "api-smart-diff";
import { readFileSync } from "node:fs";

const [before, after] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, "utf8")));
const { diffs } = apiCompare(before, after);
console.log(JSON.stringify(diffs.map((d) => ({ type: d.type, action: d.action, path: d.path.map(String) }))));
