#!/usr/bin/env node
// The `clearance` command (package.json "bin"). Plain JavaScript on purpose: Node loads its TypeScript
// stripper (~35 ms, as long as a bare start) for any .ts file it runs before the compile cache is on, so this
// file turns the cache on first; the TypeScript CLI it then loads comes out of the cache already stripped and
// compiled. Otherwise the same as `node src/cli/main.ts`.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('./main.ts');
const { nodeIo } = await import('./io.ts');
process.exitCode = await main(process.argv.slice(2), nodeIo());
