import { loadRegistry } from '../src/registry/load.ts';
import { deploy, batchLimit, operatingPoint } from '../src/sizing/deployment.ts';
import { efficiencyFor, gpuFamily } from '../src/sizing/efficiency/factors.ts';
import { ENGINES } from '../src/sizing/memory.ts';
import { CALIBRATION_ARCHITECTURES as A } from '../src/sizing/calibration/architectures.ts';
const { registry } = loadRegistry('content');
for (const [m, g, n, p, isl, osl] of [['llama-3.1-405b','h100-sxm',8,'fp8',128,4096],['llama-3.1-405b','h100-sxm',8,'fp8',1000,1000],['llama-3.3-70b','h100-sxm',2,'fp8',128,4096],['llama-3.3-70b','h200-sxm',1,'fp8',128,2048]] as const) {
  const gpu = { ...registry.gpus[g]!, id: g };
  const dep = deploy({ architecture: A[m], gpu, precision: p, kvPrecision: 'fp8', engine: ENGINES.trtllm, layout: { gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' }, efficiency: efficiencyFor('dense', gpuFamily(gpu)) });
  const lim = batchLimit(dep, isl, osl);
  const op = operatingPoint(dep, isl, osl, lim.limit);
  console.log(m, g, n, isl, osl, 'B', lim, 'step', op.step, 'prefill', op.prefill.workMs.toFixed(1), 'tok/s', op.outputTokensPerSecond.toFixed(0));
}
