#!/usr/bin/env node
// The `frontfold` command: runs the TypeScript CLI through tsx so a fresh clone needs no build.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
