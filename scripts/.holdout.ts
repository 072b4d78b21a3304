import { loadRegistry } from '../src/registry/load.ts';
import { predictPoint } from '../src/sizing/calibration/predict.ts';
import { efficiencyFor, gpuFamily } from '../src/sizing/efficiency/factors.ts';
const { registry } = loadRegistry('content');
const tp = (n: number) => ({ gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' as const });
const dp = (n: number) => ({ gpus: n, tensorParallel: 1, pipelineParallel: 1, attention: 'data-parallel' as const });
const shapes: [number, number][] = [[128,128],[128,2048],[128,4096],[500,2000],[1000,1000],[1000,2000],[2048,128],[2048,2048],[5000,500],[20000,2000]];
const tables: Record<string, { model: any; gpu: string; layout: any; precision: any; values: (number|null)[] }> = {
  '70b-b200': { model: 'llama-3.3-70b', gpu: 'b200', layout: tp(1), precision: 'nvfp4', values: [11147,9922,6831,7762,7007,6271,1339,4783,1459,665] },
  '70b-h200': { model: 'llama-3.3-70b', gpu: 'h200-sxm', layout: tp(1), precision: 'fp8', values: [3803,4336,2872,3666,2909,2994,442,2003,566,283] },
  '70b-h100': { model: 'llama-3.3-70b', gpu: 'h100-sxm', layout: tp(2), precision: 'fp8', values: [6378,6651,4199,5222,4205,4146,762,3082,898,437] },
  '8b-h200': { model: 'llama-3.1-8b', gpu: 'h200-sxm', layout: tp(1), precision: 'fp8', values: [27911,26221,18027,20770,17744,16828,3538,12194,3902,1804] },
  '8b-h100': { model: 'llama-3.1-8b', gpu: 'h100-sxm', layout: tp(1), precision: 'fp8', values: [28312,22714,14325,17660,15220,13899,3450,9305,3459,1351] },
  '405b-h100': { model: 'llama-3.1-405b', gpu: 'h100-sxm', layout: tp(8), precision: 'fp8', values: [3627,4340,3116,3994,2919,2895,453,2296,610,345] },
  '405b-h200': { model: 'llama-3.1-405b', gpu: 'h200-sxm', layout: tp(8), precision: 'fp8', values: [3814,5348,4741,4724,3330,3722,456,2948,650,505] },
  '405b-b200': { model: 'llama-3.1-405b', gpu: 'b200', layout: tp(4), precision: 'nvfp4', values: [6281,8020,6345,6244,5209,4933,749,4212,1048,672] },
  'q235-h200': { model: 'qwen3-235b-a22b', gpu: 'h200-sxm', layout: dp(8), precision: 'fp8', values: [30429,42821,26852,28026,23789,22061,3331,16672,3623,1876] },
  'q235-h100': { model: 'qwen3-235b-a22b', gpu: 'h100-sxm', layout: dp(8), precision: 'fp8', values: [null,19658,12447,18351,14898,15136,null,9924,3225,null] },
  'q235-b200': { model: 'qwen3-235b-a22b', gpu: 'b200', layout: dp(8), precision: 'nvfp4', values: [63362,66057,39496,57117,42391,34105,7329,26854,8190,4453] },
  'mav-h200': { model: 'llama-4-maverick', gpu: 'h200-sxm', layout: dp(8), precision: 'fp8', values: [63994,40572,24616,37835,31782,34734,7307,20957,8456,4106] },
  'mav-b200': { model: 'llama-4-maverick', gpu: 'b200', layout: dp(8), precision: 'nvfp4', values: [124323,112676,68170,null,79617,63766,18088,52195,null,12678] },
  'q30-b200': { model: 'qwen3-30b-a3b', gpu: 'b200', layout: tp(1), precision: 'nvfp4', values: [39827,37844,24953,27817,25828,22051,6251,17554,6142,2944] },
};
const all: Record<string, number[]> = { dense: [], moe: [] };
for (const [name, t] of Object.entries(tables)) {
  const gpu = { ...registry.gpus[t.gpu]!, id: t.gpu };
  const errs: string[] = [];
  shapes.forEach(([isl, osl], i) => {
    const v = t.values[i]; if (v == null) return;
    const kind = t.model.startsWith('qwen') || t.model.includes('maverick') ? 'moe' : 'dense';
    const p = { id: name, record: '', path: [], model: t.model, gpu: t.gpu, layout: t.layout, precision: t.precision, kvPrecision: 'fp8', engine: 'trtllm', scenario: { kind: 'offline', isl, osl }, metric: 'output_tokens_per_s', gpuSpec: gpu } as any;
    const pred = predictPoint(p, efficiencyFor(kind as any, gpuFamily(gpu)));
    const e = pred / v - 1; all[kind]!.push(Math.abs(e));
    errs.push(`${isl}/${osl}:${(e*100).toFixed(0)}%`);
  });
  console.log(name.padEnd(10), errs.join('  '));
}
const med = (a: number[]) => { const s=[...a].sort((x,y)=>x-y); return s[Math.floor(s.length/2)]; };
for (const k of ['dense','moe']) console.log(k, 'n', all[k]!.length, 'median', med(all[k]!).toFixed(3), 'worst', Math.max(...all[k]!).toFixed(3));
