/**
 * A model checkpoint (or a set of checkpoints that truly share terms), not a family (design.md §2–3).
 * Weights license, API terms and who serves it are separate fields: a route through a vendor API is
 * governed by `api_terms`, the same weights self-hosted by `license`.
 */
import { z } from 'zod';
import { Citations, freeId, HttpUrl, IsoDate, IsoDateOrMonth, ModelId, Reviewed, SlugId, SourceRef, Status } from './common.ts';
import { Precision, Relationship } from './vocabulary.ts';

export { Precision } from './vocabulary.ts';

const PositiveInt = (what: string) => z.number().int(`${what} is a whole number`).positive(`${what} must be positive`);


export const Attention = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('gqa').describe('Grouped-query attention; multi-head attention is the case kv_heads = heads.'),
      heads: PositiveInt('heads').describe('Query heads (num_attention_heads).'),
      kv_heads: PositiveInt('kv_heads').describe('Key/value heads (num_key_value_heads).'),
      head_dim: PositiveInt('head_dim').describe('Dimension per head.'),
    }),
    z.strictObject({
      kind: z.literal('mla').describe('Multi-head latent attention (DeepSeek V2/V3 style): one compressed latent per token and layer.'),
      heads: PositiveInt('heads').describe('Query heads.'),
      kv_lora_rank: PositiveInt('kv_lora_rank').describe('Rank of the compressed KV latent.'),
      q_lora_rank: PositiveInt('q_lora_rank').nullable().describe('Rank of the compressed query (null when queries are not compressed).'),
      qk_rope_head_dim: PositiveInt('qk_rope_head_dim').describe('Decoupled RoPE key dimension, cached per token.'),
      qk_nope_head_dim: PositiveInt('qk_nope_head_dim').describe('Non-RoPE query/key dimension per head.'),
      v_head_dim: PositiveInt('v_head_dim').describe('Value dimension per head.'),
    }),
  ])
  .describe('Attention layout of the full-attention layers.');

export const Architecture = z
  .strictObject({
    params_total_b: z.number().positive('parameter count must be positive').describe('Total parameters, billions (all experts): the exact count (from the checkpoint or computed from config.json), which sizing uses — not the size in the name.'),
    params_nominal_b: z.number().positive().optional().describe('The size in the model’s name (e.g. 70 for "Llama 2 70B"), when it differs from the exact count.'),
    params_active_b: z.number().positive().optional().describe('Parameters active per token, billions (MoE); equals total for dense models.'),
    params_embedding_b: z.number().nonnegative().optional().describe('Embedding + LM-head parameters, billions; kept at their dtype when the rest is quantized.'),
    layers: PositiveInt('layers').describe('Transformer layers (num_hidden_layers).'),
    hidden_size: PositiveInt('hidden_size').describe('Model width (hidden_size).'),
    intermediate_size: PositiveInt('intermediate_size').optional().describe('Dense FFN width.'),
    vocab_size: PositiveInt('vocab_size').optional().describe('Vocabulary size.'),
    attention: Attention,
    sparse_attention: z
      .strictObject({
        kind: z.literal('deepseek-dsa').describe('DeepSeek Sparse Attention: a lightning indexer picks top-k tokens.'),
        index_heads: PositiveInt('index_heads').describe('Indexer heads (index_n_heads).'),
        index_head_dim: PositiveInt('index_head_dim').describe('Indexer head dimension; its keys are cached per token.'),
        top_k: PositiveInt('top_k').describe('Tokens attended per query (index_topk).'),
      })
      .optional()
      .describe('Sparse attention on top of the attention layout.'),
    window: z
      .strictObject({
        kind: z.enum(['sliding', 'chunked']).describe('sliding (Gemma, Mistral) or chunked (Llama 4) local attention.'),
        size: PositiveInt('window size').describe('Window or chunk length, tokens.'),
        windowed_layers: z.number().int().nonnegative().describe('How many layers use the window; the rest attend globally.'),
        pattern: z.string().optional().describe('The layer pattern in words, e.g. "5 local : 1 global".'),
      })
      .optional()
      .describe('Local-attention layers, which cap their KV cache at the window.'),
    linear_attention: z
      .strictObject({
        kind: z.enum(['gated-deltanet', 'mamba2', 'other']).describe('Linear-attention / state-space layer type.'),
        layers: z.number().int().nonnegative().describe('How many layers are linear-attention layers (the rest use `attention`).'),
        key_heads: PositiveInt('key_heads').describe('Linear-attention key heads.'),
        value_heads: PositiveInt('value_heads').describe('Linear-attention value heads.'),
        key_head_dim: PositiveInt('key_head_dim'),
        value_head_dim: PositiveInt('value_head_dim'),
        conv_kernel: PositiveInt('conv_kernel').optional().describe('Short convolution kernel size (its state is cached too).'),
        state_precision: z.enum(['fp32', 'bf16']).optional().describe('dtype of the recurrent state the engine keeps per sequence (Qwen3.5 configs: mamba_ssm_dtype float32). Sizing assumes fp32 when absent.'),
      })
      .optional()
      .describe('Hybrid linear attention: a fixed-size state per sequence instead of a growing KV cache.'),
    moe: z
      .strictObject({
        experts_total: PositiveInt('experts_total').describe('Routed experts per MoE layer.'),
        experts_active: PositiveInt('experts_active').describe('Routed experts per token.'),
        experts_shared: z.number().int().nonnegative().describe('Shared (always-on) experts per MoE layer.'),
        moe_layers: z.number().int().nonnegative().optional().describe('Layers that are MoE (the rest are dense).'),
        expert_intermediate_size: PositiveInt('expert_intermediate_size').optional().describe('FFN width of one expert.'),
      })
      .refine((m) => m.experts_active <= m.experts_total, { message: 'experts_active cannot exceed experts_total', path: ['experts_active'] })
      .optional()
      .describe('Mixture-of-experts layout; all experts stay resident in memory.'),
    native_precision: Precision.describe('Precision of the released weights.'),
    native_expert_precision: Precision.optional().describe('Precision of the routed-expert weights in the released checkpoint when it differs from native_precision (e.g. MXFP4 experts with BF16 attention).'),
    tied_embeddings: z.boolean().optional().describe('Whether the input embedding and the LM head share one matrix (tie_word_embeddings). Sizing assumes untied when absent.'),
    mtp_params_b: z.number().nonnegative().optional().describe('Multi-token-prediction module parameters, billions, shipped in the checkpoint but not counted in params_total_b.'),
  })
  .describe('Architecture fields GPU sizing needs, from config.json or the tech report.');
export type Architecture = z.infer<typeof Architecture>;

export const Benchmark = z
  .strictObject({
    name: z.string().min(1).describe('Benchmark name, e.g. "MMLU-Pro", "SWE-bench Verified".'),
    score: z.number().describe('The reported score.'),
    unit: z.enum(['percent', 'score', 'elo']).describe('What the score measures.'),
    mode: z.string().min(1).describe('Setting as reported: shots, CoT, thinking/non-thinking, pass@k, tools.'),
    variant: z.enum(['base', 'instruct', 'reasoning']).describe('Which checkpoint was measured: base vs instruct matters.'),
    as_of: IsoDateOrMonth.optional().describe('When the score was reported.'),
    status: Status,
    sources: z.array(SourceRef).min(1, 'a benchmark score needs a source'),
    note: z.string().optional(),
  })
  .describe('A benchmark result with its setting and provenance.');

/** One lifecycle shape for a model (the vendor's own channel) and for a route (one provider's channel). */
export const Lifecycle = z
  .strictObject({
    status: z.enum(['active', 'deprecated', 'retired']),
    deprecated_on: IsoDate.optional().describe('When deprecation was announced.'),
    retires_on: IsoDate.optional().describe('Announced retirement date (after which the channel stops serving it).'),
    retired_on: IsoDate.optional().describe('Date it was retired.'),
    replacement: ModelId.optional().describe('The model the vendor or provider recommends instead.'),
  })
  .refine((l) => l.status !== 'deprecated' || l.deprecated_on !== undefined || l.retires_on !== undefined, {
    message: 'a deprecated model needs deprecated_on or retires_on',
    path: ['status'],
  })
  .refine((l) => l.status !== 'retired' || l.retired_on !== undefined, { message: 'a retired model needs retired_on', path: ['status'] });
export type Lifecycle = z.infer<typeof Lifecycle>;

export const Route = z
  .strictObject({
    provider: SlugId.describe('content/providers/<id>.'),
    relationship: Relationship.exclude(['self-hosted']).optional().describe('Override of the provider’s relationship for this model (e.g. Mistral’s API serving Mistral’s own model is first-party).'),
    model_id: z.string().min(1).describe('The model id at this provider, as its API spells it.'),
    regions: z.array(z.string()).optional().describe('Provider regions where this model is served.'),
    price: z
      .strictObject({
        input_usd_per_mtok: z.number().nonnegative('prices cannot be negative').describe('USD per 1M input tokens.'),
        output_usd_per_mtok: z.number().nonnegative('prices cannot be negative').describe('USD per 1M output tokens.'),
        cached_input_usd_per_mtok: z.number().nonnegative().optional().describe('USD per 1M cached input tokens.'),
        note: z.string().optional().describe('Tiering, promotions, context-length surcharges.'),
      })
      .optional()
      .describe('List price; omit when unknown rather than writing 0.'),
    as_of: IsoDateOrMonth.describe('When the route and price were observed.'),
    lifecycle: Lifecycle.optional().describe('This provider’s own lifecycle for this model (its deprecation or retirement dates), cited under the route’s sources; absent means the channel’s lifecycle is unknown — never borrow the vendor’s dates.'),
    status: Status,
    sources: z.array(SourceRef).min(1, 'a route needs a source'),
  })
  .describe('Where the model can be reached and at what price.');
export type Route = z.infer<typeof Route>;

export const Modality = z.enum(['text', 'image', 'audio', 'video']);

export const ModelSchema = z
  .strictObject({
    name: z.string().min(1).describe('Display name of the exact checkpoint, e.g. "Llama 3.3 70B Instruct".'),
    vendor: SlugId.describe('content/vendors/<id>.'),
    family: z.string().min(1).describe('Family slug grouping checkpoints, e.g. "llama-4", "qwen3".'),
    kind: z.enum(['open-weights', 'api-only']).describe('open-weights: weights downloadable; api-only: reachable only through an API.'),
    description: z.string().optional().describe('One or two sentences on what the model is.'),
    release_date: IsoDateOrMonth.optional().describe('Release date of this checkpoint.'),
    lifecycle: Lifecycle.describe('Lifecycle as the vendor states it for its own API (first-party channel), and for the weights. Other channels (Vertex, Bedrock, hosted OSS) carry their own routes[].lifecycle.'),
    license: SlugId.optional().describe('Weights license (content/licenses/<id>): governs self-hosted and hosted-OSS routes.'),
    api_terms: SlugId.optional().describe('Terms governing the vendor’s own API and managed-cloud access (content/licenses/<id>).'),
    license_history: z
      .array(
        z.strictObject({
          license: SlugId,
          from: IsoDate.optional(),
          until: IsoDate.optional(),
          note: z.string().optional(),
        }),
      )
      .optional()
      .describe('Earlier licenses of these weights, when the license changed.'),
    base_model: z
      .strictObject({
        model: ModelId.describe('The model this one derives from.'),
        relation: z.enum(['fine-tune', 'distillation', 'quantization', 'merge', 'adapter', 'continued-pretraining']).describe('How it derives.'),
      })
      .optional()
      .describe('For derivatives: the base whose license also applies.'),
    weights: z
      .strictObject({
        repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'a Hugging Face repo id, "org/name"').describe('Hugging Face repo id of the reference checkpoint.'),
        url: HttpUrl.describe('Where the weights are downloaded.'),
        revision: z.string().optional().describe('Commit of the checkpoint the registry describes.'),
        gated: z.boolean().optional().describe('Whether download requires accepting terms.'),
      })
      .optional()
      .describe('Where the weights are (required for open-weights models).'),
    aliases: z.array(freeId()).describe('Every id a router or provider uses for this model: HF repo ids, LiteLLM provider/… ids, Bedrock ids, OpenRouter ids, ollama tags.'),
    modalities: z
      .strictObject({ input: z.array(Modality).min(1), output: z.array(Modality).min(1) })
      .describe('Input and output modalities. Image input makes a model multimodal for license clauses.'),
    context_tokens: PositiveInt('context_tokens').optional().describe('Context window, tokens.'),
    max_output_tokens: PositiveInt('max_output_tokens').optional().describe('Maximum output tokens.'),
    architecture: Architecture.optional(),
    benchmarks: z.array(Benchmark).optional(),
    procurement_flags: z
      .array(
        z.strictObject({
          flag: z.string().regex(/^[a-z0-9-]+(:[A-Za-z0-9-]+)?$/, 'flags look like "origin:CN" or "training-data-undocumented"').describe('Flag id, e.g. "origin:CN", "training-data-undocumented", "eu-multimodal-exclusion".'),
          note: z.string().optional(),
        }),
      )
      .optional()
      .describe('Facts procurement screens on.'),
    routes: z.array(Route).optional().describe('Hosted routes with prices.'),
    catalogue_disagreements: z
      .array(
        z.strictObject({
          catalogue: z.enum(['genai-prices', 'litellm', 'models.dev']).describe('The outside catalogue `clearance drift` compared with.'),
          provider: SlugId.optional().describe('The route (its provider id) the disagreement is about; absent for model fields (context window).'),
          field: z.enum(['input price', 'output price', 'context window', 'lifecycle']),
          says: z.string().min(1).describe('The catalogue’s value exactly as `clearance drift` prints it; when the catalogue changes, the note no longer applies.'),
          why: z.string().min(1).describe('Why the registry keeps its own value: what the catalogue gets wrong, with the page that shows it.'),
          checked: IsoDate.describe('When a maintainer compared them.'),
          sources: z.array(SourceRef).optional().describe('Where the registry’s value is shown, if not already cited on the field.'),
        }),
      )
      .optional()
      .describe('Disagreements with an outside catalogue that a maintainer checked and found the catalogue wrong or stale; `clearance drift` lists them as explained and does not fail on them.'),
    traps: z.array(z.string().min(1)).optional().describe('Plain-words traps specific to this checkpoint.'),
    citations: Citations,
    reviewed: Reviewed,
  })
  .refine((m) => m.kind !== 'open-weights' || m.license !== undefined, { message: 'an open-weights model needs its weights license', path: ['license'] })
  .refine((m) => m.kind !== 'open-weights' || m.weights !== undefined, { message: 'an open-weights model must link its weights', path: ['weights'] })
  .refine((m) => m.kind !== 'api-only' || m.api_terms !== undefined, { message: 'an API-only model needs its API terms', path: ['api_terms'] })
  .describe('A model checkpoint.');
export type Model = z.infer<typeof ModelSchema>;
