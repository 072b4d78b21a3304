/** An accelerator, with the dense figures sizing needs and dated prices. */
import { z } from 'zod';
import { Citations, IsoDateOrMonth, Reviewed, SourceRef, Status } from './common.ts';

export const GpuSchema = z
  .strictObject({
    name: z.string().min(1).describe('Marketing name, e.g. "NVIDIA H100 SXM 80GB".'),
    vendor: z.enum(['NVIDIA', 'AMD', 'Intel']).describe('Chip vendor.'),
    architecture: z.string().min(1).describe('Chip architecture, e.g. "Hopper".'),
    form_factor: z.string().min(1).describe('SXM, PCIe, OAM, NVL…'),
    memory_gb: z.number().positive('memory must be positive').describe('HBM/GDDR capacity in decimal GB as marketed.'),
    memory_type: z.string().min(1).describe('HBM3, HBM3e, GDDR7…'),
    usable_memory_gib: z.number().positive().optional().describe('Memory the driver reports to the inference engine, GiB (e.g. H100 80GB: 79.19 GiB in vLLM logs). Sizing assumes 0.99 × memory_gb GiB when absent.'),
    memory_bandwidth_tbps: z.number().positive().describe('Peak memory bandwidth, TB/s (decimal).'),
    dense_tflops: z
      .strictObject({
        bf16: z.number().positive().describe('Dense BF16 tensor TFLOPS (no sparsity).'),
        fp8: z.number().positive().nullable().describe('Dense FP8 TFLOPS; null when the chip has no FP8 tensor cores.'),
        fp4: z.number().positive().nullable().describe('Dense FP4 TFLOPS; null when unsupported.'),
        int8: z.number().positive().nullable().optional().describe('Dense INT8 TOPS.'),
      })
      .describe('Dense (non-sparse) tensor throughput. Vendor headlines are often 2:4-sparse; these are halved.'),
    interconnect: z
      .strictObject({
        type: z.string().describe('NVLink 4, Infinity Fabric, PCIe Gen5, RoCE…'),
        gbps_bidirectional: z.number().positive().nullable().describe('Per-GPU scale-up bandwidth, GB/s bidirectional.'),
        scale_up_domain: z.number().int().positive().describe('GPUs in one scale-up (NVLink/IF) domain, usually one node.'),
      })
      .describe('Scale-up interconnect.'),
    tdp_w: z.number().positive().nullable().describe('Board power, W.'),
    prices: z
      .array(
        z.strictObject({
          kind: z.enum(['cloud-on-demand', 'cloud-reserved', 'purchase']).describe('What the price is for.'),
          usd_per_gpu_hour_low: z.number().positive().optional(),
          usd_per_gpu_hour_high: z.number().positive().optional(),
          usd_per_gpu_hour_typical: z.number().positive().optional().describe('The point estimate sizing uses by default.'),
          as_of: IsoDateOrMonth.describe('When the price was observed.'),
          status: Status,
          sources: z.array(SourceRef).min(1, 'a price needs a source'),
          note: z.string().optional(),
        }),
      )
      .describe('Dated price points; prices vary 2-4× across providers.'),
    notes: z.string().optional(),
    citations: Citations,
    reviewed: Reviewed,
  })
  .describe('An accelerator.');
export type Gpu = z.infer<typeof GpuSchema>;
