/** Weight and KV-cache formulas (gpu-sizing.md §2.2–2.3, §2.5) against the research's derived figures. */
import { describe, expect, it } from 'vitest';
import { DEEPSEEK_V3, DEEPSEEK_V32, GEMMA_3_27B, LLAMA_31_70B, LLAMA_4_MAVERICK, QWEN_35_397B } from './__fixtures__/architectures.ts';
import { kvBytesPerSequence, kvBytesPerToken, kvLayout } from './kv-cache.ts';
import { GIB } from './memory.ts';
import { tensorParallelProblems } from './parallelism.ts';
import { WEIGHT_BITS } from './precision.ts';
import { expertsTouched, paramGroups, weightBytes } from './weights.ts';

describe('weight bytes', () => {
  it('keeps Llama 3.1 70B embeddings in BF16 when the rest is FP8: 72.65 GB = 67.66 GiB', () => {
    const w = weightBytes(paramGroups(LLAMA_31_70B), 'fp8');
    expect(w.total / 1e9).toBeCloseTo(72.65, 1);
    expect(w.total / GIB).toBeCloseTo(67.66, 2);
    expect(w.precisions.embedding).toBe('bf16');
  });

  it('needs 141.1 GB for Llama 3.1 70B in BF16', () => {
    expect(weightBytes(paramGroups(LLAMA_31_70B), 'bf16').total / 1e9).toBeCloseTo(141.1, 1);
  });

  it('counts block-scale overheads: int4 g128 4.16, MXFP4 4.25, NVFP4 4.5 bits', () => {
    expect(WEIGHT_BITS.int4).toBeCloseTo(4.156, 3);
    expect(WEIGHT_BITS.mxfp4).toBe(4.25);
    expect(WEIGHT_BITS.nvfp4).toBe(4.5);
  });

  it('keeps every MoE expert resident: DeepSeek V3 routed experts are ≈654B of 671B', () => {
    const g = paramGroups(DEEPSEEK_V3);
    expect(g.routedExperts / 1e9).toBeCloseTo(654.5, 0);
    // Cross-check with the FFN dimensions: 58 MoE layers × 256 experts × 3 × 7168 × 2048.
    expect(g.routedExperts / (58 * 256 * 3 * 7168 * 2048)).toBeCloseTo(1, 2);
  });

  it('stores routed experts at their own precision in mixed checkpoints', () => {
    const g = paramGroups(DEEPSEEK_V3);
    const mixed = weightBytes(g, 'fp8', 'mxfp4');
    expect(mixed.routedExperts).toBeCloseTo(g.routedExperts * (4.25 / 8), -3);
    expect(mixed.rest).toBeCloseTo(g.rest, -3);
  });

  it('grows the experts a batch touches with the batch: DeepSeek V3 8 → 102 → 222 → 256', () => {
    expect(expertsTouched(256, 8, 1)).toBeCloseTo(8, 5);
    expect(expertsTouched(256, 8, 16)).toBeCloseTo(102, 0);
    expect(expertsTouched(256, 8, 64)).toBeCloseTo(222, 0);
    expect(expertsTouched(256, 8, 256)).toBeGreaterThan(255.5);
    expect(expertsTouched(128, 8, 64)).toBeCloseTo(126, 0);
    expect(expertsTouched(128, 1, 64)).toBeCloseTo(50.5, 0);
  });
});

describe('KV cache bytes per token', () => {
  it('gives Llama 3.1 70B 327,680 B (320 KiB) in BF16 and half in FP8', () => {
    expect(kvBytesPerToken(LLAMA_31_70B, 'bf16')).toBe(327_680);
    expect(kvBytesPerToken(LLAMA_31_70B, 'fp8')).toBe(163_840);
  });

  it('splits GQA heads across TP ranks until TP exceeds the KV heads, then replicates them', () => {
    expect(kvLayout(LLAMA_31_70B, 'bf16', 2).globalBytesPerToken).toBe(163_840);
    expect(kvLayout(LLAMA_31_70B, 'bf16', 8).globalBytesPerToken).toBe(40_960);
    // Qwen3.5 has 2 KV heads: at TP8 each rank keeps one whole head, 4 copies of each.
    const qwen = kvLayout(QWEN_35_397B, 'bf16', 8);
    expect(qwen.replication).toBe(4);
    expect(qwen.globalBytesPerToken).toBe(15 * 2 * 1 * 256 * 2);
  });

  it('gives DeepSeek V3 MLA 70,272 B in BF16 and 35,136 in FP8, replicated on every TP rank', () => {
    expect(kvBytesPerToken(DEEPSEEK_V3, 'bf16')).toBe(70_272);
    expect(kvBytesPerToken(DEEPSEEK_V3, 'fp8')).toBe(35_136);
    expect(kvLayout(DEEPSEEK_V3, 'bf16', 8).globalBytesPerToken).toBe(70_272);
    expect(kvLayout(DEEPSEEK_V3, 'bf16', 8).replication).toBe(8);
  });

  it('gives DeepSeek V3.2 fp8_ds_mla (656 B) plus the indexer (132 B) per layer: 48,068 B', () => {
    expect(kvBytesPerToken(DEEPSEEK_V32, 'fp8')).toBe(48_068);
    const layout = kvLayout(DEEPSEEK_V32, 'fp8', 1);
    expect(layout.sparse?.mainBytesPerToken).toBe(61 * 656);
    expect(layout.sparse?.indexerBytesPerToken).toBe(61 * 132);
  });

  it('caps Gemma 3 27B local layers at the 1024-token window: 10.4 GiB at 128K instead of 62 GiB', () => {
    expect(kvBytesPerToken(GEMMA_3_27B, 'bf16')).toBe(507_904);
    const layout = kvLayout(GEMMA_3_27B, 'bf16', 1);
    expect(layout.globalBytesPerToken).toBe(81_920);
    expect(kvBytesPerSequence(layout, 131_072) / GIB).toBeCloseTo(10.41, 2);
    expect((507_904 * 131_072) / GIB).toBeCloseTo(62, 0);
  });

  it('caps Llama 4 chunked layers at 8192: 196,608 B per token up to 8K, 49,152 beyond, 7.1 GiB at 128K', () => {
    expect(kvBytesPerToken(LLAMA_4_MAVERICK, 'bf16')).toBe(196_608);
    const layout = kvLayout(LLAMA_4_MAVERICK, 'bf16', 1);
    expect(layout.globalBytesPerToken).toBe(49_152);
    expect(kvBytesPerSequence(layout, 131_072) / GIB).toBeCloseTo(7.125, 3);
  });

  it('keeps a fixed Gated DeltaNet state for Qwen3.5: 30,720 B per token plus ≈183 MiB per sequence (fp32)', () => {
    const layout = kvLayout(QWEN_35_397B, 'bf16', 1);
    expect(layout.globalBytesPerToken).toBe(30_720);
    expect(layout.stateBytesPerSequence / 2 ** 20).toBeCloseTo(183.2, 1);
    // The state splits with the heads under TP.
    expect(kvLayout(QWEN_35_397B, 'bf16', 8).stateBytesPerSequence).toBeCloseTo(layout.stateBytesPerSequence / 8, 0);
  });
});

describe('tensor-parallel rules', () => {
  it('requires TP to divide the attention heads (Llama 4: 40 heads, no TP16)', () => {
    expect(tensorParallelProblems(LLAMA_4_MAVERICK, 8)).toEqual([]);
    expect(tensorParallelProblems(LLAMA_4_MAVERICK, 16).join()).toMatch(/40 attention heads are not divisible by tensor-parallel size 16/);
  });

  it('accepts TP above the KV heads when it is a multiple of them (replication), and rejects odd splits', () => {
    expect(tensorParallelProblems(QWEN_35_397B, 8)).toEqual([]);
    expect(tensorParallelProblems(QWEN_35_397B, 16)).toEqual([]);
    expect(tensorParallelProblems({ ...LLAMA_31_70B, attention: { kind: 'gqa', heads: 48, kv_heads: 8, head_dim: 128 } }, 12).join()).toMatch(/KV heads/);
  });
});
