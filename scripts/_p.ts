let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
const { readContentFiles } = await import('../src/registry/load.ts'); 
const { validateRegistry } = await import('../src/registry/validate.ts'); lap('import');
const files = readContentFiles('content'); lap('read');
validateRegistry(files, { today: '2026-11-22' }); lap('validate');
validateRegistry(files, { today: '2026-11-22' }); lap('validate warm');
