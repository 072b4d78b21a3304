import { loadRegistry } from '../src/registry/load.ts';
import { sizeDeployment, sizingText } from '../src/sizing/index.ts';
import { CALIBRATION_ARCHITECTURES } from '../src/sizing/calibration/architectures.ts';
const { registry } = loadRegistry('content');
const gpu = { ...registry.gpus['h100-sxm']!, id: 'h100-sxm' };
const model = { id: 'x/llama-70b', name: 'Llama 70B', architecture: CALIBRATION_ARCHITECTURES['llama-3.3-70b'] };
for (const gpus of [1, 2, 4]) {
  const r = sizeDeployment({ model, gpu, precision: 'fp8', kvPrecision: 'bf16', gpus, workload: { isl: 7168, osl: 1024 } });
  console.log(sizingText(r));
}
const r = sizeDeployment({ model, gpu, precision: 'fp8', gpus: 2, engine: 'trtllm', workload: { isl: 1000, osl: 1000 } });
console.log(sizingText(r));
