/**
 * Drafts a registry model entry from a downloaded Hugging Face repo: the README.md front matter (the model
 * card metadata: `license`, `license_name`, `license_link`, `base_model`, `base_model_relation`, `pipeline_tag`,
 * gating) and config.json (the architecture GPU sizing needs). Pure: the CLI reads the files
 * (`clearance import hf <dir>`). Every drafted field gets its own citation naming the file and key it came from,
 * with a status no higher than that file supports; what cannot be read stays missing, with the reason. It never
 * writes a license: it points at a registry license that exists, or says which license text to add.
 *
 * Field names follow the Hub's model card metadata (huggingface_hub `ModelCardData`; hub docs "Model Cards",
 * https://huggingface.co/docs/hub/model-cards) and transformers' config.json keys.
 */
import { parse as parseYaml } from 'yaml';
import type { Model, Source, Status } from './schema/index.ts';
import { ModelSchema } from './schema/model.ts';

export interface HfRepoFiles {
  /** The repo id, "org/name". */
  repo: string;
  /** README.md text, if the repo has one. */
  readme?: string;
  /** config.json text. */
  config?: string;
  /** model.safetensors.index.json text, for the parameter count. */
  safetensorsIndex?: string;
  /** The commit the files are from (an HF cache snapshot directory names it). */
  revision?: string;
  /** Name of a license file in the repo (LICENSE, LICENSE.md …), if there is one. */
  licenseFile?: string;
}

export interface ImportContext {
  today: string;
  /** Registry license ids that exist. */
  licenses: ReadonlySet<string>;
  /** Registry vendor for a Hugging Face org, when registry models already publish under it. */
  vendorOfOrg(org: string): string | undefined;
  /** Registry model id for a base model's repo id, through the resolver. */
  resolveBase(repo: string): string | undefined;
  /** How the linter's resolver reads this repo's own id when it is a re-upload of a registry checkpoint ("resolved as a quantized re-upload of X …"). */
  readRepo?(repo: string): { id: string; note: string } | undefined;
}

export interface DraftedField {
  path: string;
  /** File and key the value came from, e.g. "config.json num_hidden_layers". */
  from: string;
  status: Status;
  note?: string;
}

export interface ImportDraft {
  /** Proposed file: content/models/<vendor>/<slug>.yaml (vendor "unknown-vendor" when none is known). */
  modelId: string;
  model: Record<string, unknown>;
  /** Source entries to create under content/sources/. */
  sources: Record<string, Source>;
  fields: DraftedField[];
  /** Fields the draft could not fill, and why. */
  missing: { path: string; why: string }[];
  /** Schema problems of the draft as it stands (empty when it validates). */
  problems: string[];
  /** Files that could not be read (bad front matter, invalid JSON). */
  errors: string[];
  /** Said when the repo is a quantization of a checkpoint the registry has: the resolver already reads it. */
  resolvedAs?: string;
}

/**
 * Hugging Face license identifiers (hub docs, "Licenses", https://huggingface.co/docs/hub/repositories-licenses)
 * and `license: other` + `license_name` values seen on vendor cards, mapped to the registry license that is the
 * same document. Generic identifiers map only to the generic license (CC-BY-NC-4.0 has no generic entry:
 * the registry's is Cohere's, with its acceptable-use addendum).
 */
export const HF_LICENSES: Record<string, string> = {
  'apache-2.0': 'apache-2.0',
  mit: 'mit',
  llama2: 'llama-2-community',
  'llama3.1': 'llama-3.1-community',
  'llama3.2': 'llama-3.2-community',
  'llama3.3': 'llama-3.3-community',
  llama4: 'llama-4-community',
  gemma: 'gemma-terms',
  'cc-by-nc-4.0': 'cc-by-nc-4.0',
  'other:qwen': 'qwen-license',
  'other:qwen-research': 'qwen-research-license',
  'other:deepseek': 'deepseek-license-1.0',
  'other:deepseek-license': 'deepseek-license-1.0',
  'other:nvidia-open-model-license': 'nvidia-open-model-license',
  'other:mrl': 'mistral-research-license',
};

/** Hub `base_model_relation` values → the registry's `base_model.relation`. */
const RELATIONS: Record<string, NonNullable<Model['base_model']>['relation']> = { finetune: 'fine-tune', adapter: 'adapter', merge: 'merge', quantized: 'quantization' };

const DTYPES: Record<string, 'fp32' | 'bf16' | 'fp16'> = { float32: 'fp32', bfloat16: 'bf16', float16: 'fp16' };
const BYTES: Record<string, number> = { fp32: 4, bf16: 2, fp16: 2 };

type Json = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

/** The YAML front matter of a model card, or an error. */
export function readFrontMatter(readme: string): { data: Json } | { error: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(readme);
  if (!m) return { data: {} };
  try {
    const data = parseYaml(m[1]!, { maxAliasCount: 100 }) as unknown;
    if (data === null || data === undefined) return { data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) return { error: 'README.md front matter is not a YAML mapping' };
    return { data: data as Json };
  } catch (e) {
    return { error: `README.md front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Drafts the entry. */
export function draftFromHf(files: HfRepoFiles, ctx: ImportContext): ImportDraft {
  const errors: string[] = [];
  const fields: DraftedField[] = [];
  const missing: { path: string; why: string }[] = [];
  const citations: Record<string, { status: Status; sources: { source: string; where: string }[]; note?: string }> = {};
  const [org, name] = files.repo.split('/') as [string, string];
  const base = slug(`${org}-${name}`);
  const cardId = `hf-${base}-card`;
  const configId = `hf-${base}-config`;
  const indexId = `hf-${base}-safetensors-index`;
  const url = `https://huggingface.co/${files.repo}`;
  const ref = files.revision ?? 'main';
  const used = new Set<string>();
  const cite = (path: string, source: string, where: string, status: Status, note?: string) => {
    used.add(source);
    citations[path] = { status, sources: [{ source, where }], ...(note ? { note } : {}) };
    fields.push({ path, from: `${source === cardId ? 'README.md' : source === configId ? 'config.json' : 'model.safetensors.index.json'} ${where}`, status, ...(note ? { note } : {}) });
  };

  // The card.
  let card: Json = {};
  if (files.readme === undefined) missing.push({ path: 'license', why: 'the repo has no README.md, so no model card metadata to read' });
  else {
    const fm = readFrontMatter(files.readme);
    if ('error' in fm) errors.push(fm.error);
    else card = fm.data;
  }
  let config: Json | undefined;
  if (files.config === undefined) missing.push({ path: 'architecture', why: 'the repo has no config.json' });
  else {
    try {
      const parsed = JSON.parse(files.config) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed as Json;
      else errors.push('config.json is not a JSON object');
    } catch (e) {
      errors.push(`config.json is not valid JSON: ${(e as Error).message}`);
    }
  }

  const vendor = ctx.vendorOfOrg(org);
  if (!vendor) missing.push({ path: 'vendor', why: `no registry model publishes under the Hugging Face org "${org}": add or name its content/vendors entry` });
  const model: Record<string, unknown> = {
    name,
    vendor: vendor ?? 'unknown-vendor',
    family: undefined,
    kind: 'open-weights',
    lifecycle: { status: 'active' },
  };
  missing.push({ path: 'family', why: 'the card does not name a family slug (e.g. "llama-3.3"): choose one shared with the sibling checkpoints' });

  // License: the card's metadata names it; only an existing registry license is referenced.
  const hfLicense = typeof card.license === 'string' ? card.license.toLowerCase() : undefined;
  const licenseName = typeof card.license_name === 'string' ? card.license_name.toLowerCase() : undefined;
  const licenseLink = typeof card.license_link === 'string' ? card.license_link : undefined;
  if (hfLicense !== undefined) {
    const key = hfLicense === 'other' ? (licenseName ? `other:${licenseName}` : undefined) : hfLicense;
    const target = key !== undefined ? (HF_LICENSES[key] ?? (ctx.licenses.has(key) ? key : undefined)) : undefined;
    const said = `license: ${card.license}${licenseName ? `, license_name: ${card.license_name}` : ''}${licenseLink ? `, license_link: ${licenseLink}` : ''}`;
    if (target && ctx.licenses.has(target)) {
      model.license = target;
      cite('license', cardId, `front matter ${said}`, 'single-source', 'the card metadata names the license; read the license text it links and raise the status to verified');
    } else {
      missing.push({
        path: 'license',
        why: `the card says ${said}; no registry license is that document${key === undefined ? ' (license: other without license_name)' : ''}. Add content/licenses/<id>.yaml from the license text${licenseLink ? ` (${licenseLink})` : files.licenseFile ? ` (the repo's ${files.licenseFile})` : ''}, citing its clauses`,
      });
    }
  } else if (files.readme !== undefined) {
    missing.push({ path: 'license', why: `the card metadata has no license field: ${files.licenseFile ? `read the repo's ${files.licenseFile}` : 'the repo has no LICENSE file either; find the license on the vendor\'s page'}` });
  }

  model.weights = {
    repo: files.repo,
    url,
    ...(files.revision ? { revision: files.revision } : {}),
    ...(card.extra_gated_prompt !== undefined || card.extra_gated_fields !== undefined || card.gated === true ? { gated: true } : {}),
  };
  model.aliases = [files.repo];

  // Base model and relation.
  const bases = typeof card.base_model === 'string' ? [card.base_model] : Array.isArray(card.base_model) ? card.base_model.filter((b): b is string => typeof b === 'string') : [];
  const relationRaw = typeof card.base_model_relation === 'string' ? card.base_model_relation.toLowerCase() : undefined;
  let quantizedOf: string | undefined;
  if (bases.length > 1) {
    missing.push({ path: 'base_model', why: `the card names ${bases.length} base models (${bases.join(', ')}): a merge needs each base's license; the schema holds one, so record the rest in traps or notes` });
  }
  if (bases.length >= 1) {
    const baseId = ctx.resolveBase(bases[0]!);
    const relation = relationRaw ? RELATIONS[relationRaw] : config?.quantization_config !== undefined ? 'quantization' : undefined;
    if (!baseId) missing.push({ path: 'base_model.model', why: `the card's base_model ${bases[0]} is not in the registry: add it first, its license governs this derivative too` });
    else if (!relation) missing.push({ path: 'base_model.relation', why: `the card names base_model ${bases[0]} (${baseId}) but no base_model_relation, and config.json has no quantization_config: say fine-tune, adapter, merge or quantization` });
    else {
      model.base_model = { model: baseId, relation };
      cite('base_model', relationRaw ? cardId : configId, relationRaw ? `front matter base_model: ${bases[0]}, base_model_relation: ${relationRaw}` : `quantization_config (the card's base_model: ${bases[0]} gives no relation)`, relationRaw ? 'single-source' : 'directional');
      if (relation === 'quantization') quantizedOf = baseId;
    }
  }

  // A re-upload whose card names no base model: the resolver may still read its name as one.
  const read = bases.length === 0 ? ctx.readRepo?.(files.repo) : undefined;
  if (read) {
    quantizedOf = read.id;
    missing.push({ path: 'base_model', why: `the card names no base_model, but the linter reads ${files.repo} as ${read.note.replace(/^resolved as /, '')}: set base_model to ${read.id} (relation quantization) if the card's text confirms it` });
  }

  // Modalities: a vision tower in the config or an image pipeline tag means image input.
  const pipeline = typeof card.pipeline_tag === 'string' ? card.pipeline_tag : undefined;
  const vision = config !== undefined && (config.vision_config !== undefined || config.vision_tower !== undefined);
  const imageIn = vision || pipeline === 'image-text-to-text' || pipeline === 'image-to-text';
  model.modalities = { input: imageIn ? ['text', 'image'] : ['text'], output: ['text'] };
  if (vision) cite('modalities', configId, 'vision_config (a vision encoder: image input)', 'verified');
  else if (pipeline) cite('modalities', cardId, `front matter pipeline_tag: ${pipeline}`, 'single-source');
  else missing.push({ path: 'modalities', why: 'neither a vision config nor a pipeline_tag says what the model reads: text only was drafted, confirm it' });

  if (config) draftArchitecture(config, files, model, cite, missing, { configId, indexId });

  model.citations = citations;
  model.reviewed = ctx.today;

  const sources: Record<string, Source> = {};
  if (used.has(cardId)) sources[cardId] = { title: `${files.repo} model card (README.md)`, url: `${url}/blob/${ref}/README.md`, publisher: org, kind: 'model-card', ...(files.revision ? { version: files.revision } : {}), retrieved: ctx.today };
  if (used.has(configId)) sources[configId] = { title: `${files.repo} config.json`, url: `${url}/blob/${ref}/config.json`, publisher: org, kind: 'model-config', ...(files.revision ? { version: files.revision } : {}), retrieved: ctx.today };
  if (used.has(indexId)) sources[indexId] = { title: `${files.repo} model.safetensors.index.json`, url: `${url}/blob/${ref}/model.safetensors.index.json`, publisher: org, kind: 'model-config', ...(files.revision ? { version: files.revision } : {}), retrieved: ctx.today };

  const clean = Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined));
  const checked = ModelSchema.safeParse(clean);
  const problems = checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${/received undefined/.test(i.message) ? 'required' : i.message}`);
  return {
    modelId: `${vendor ?? 'unknown-vendor'}/${slug(name)}`,
    model: clean,
    sources,
    fields,
    missing,
    problems,
    errors,
    ...(quantizedOf ? { resolvedAs: `a quantization of ${quantizedOf}: the linter already resolves ${files.repo} to it when the name keeps the base's; an entry is needed only if it does not` } : {}),
  };
}

type Cite = (path: string, source: string, where: string, status: Status, note?: string) => void;

/** config.json → `architecture`, key by key. Multimodal configs keep the language model under text_config. */
function draftArchitecture(root: Json, files: HfRepoFiles, model: Record<string, unknown>, cite: Cite, missing: { path: string; why: string }[], ids: { configId: string; indexId: string }) {
  const sub = ['text_config', 'llm_config', 'language_config'].find((k) => root[k] && typeof root[k] === 'object');
  const c = (sub ? root[sub] : root) as Json;
  const at = (key: string) => (sub ? `${sub}.${key}` : key);
  const { configId } = ids;
  const arch: Record<string, unknown> = {};
  const take = (field: string, key: string, value: number | undefined) => {
    if (value === undefined) return;
    arch[field] = value;
    cite(`architecture.${field}`, configId, at(key), 'verified');
  };
  const layers = int(c.num_hidden_layers ?? c.n_layers ?? c.num_layers);
  const hidden = int(c.hidden_size ?? c.d_model ?? c.n_embd);
  take('layers', 'num_hidden_layers', layers);
  take('hidden_size', 'hidden_size', hidden);
  take('intermediate_size', 'intermediate_size', int(c.intermediate_size));
  take('vocab_size', 'vocab_size', int(c.vocab_size));

  const heads = int(c.num_attention_heads ?? c.n_head);
  if (int(c.kv_lora_rank) !== undefined && heads) {
    const mla = { kind: 'mla', heads, kv_lora_rank: int(c.kv_lora_rank), q_lora_rank: int(c.q_lora_rank) ?? null, qk_rope_head_dim: int(c.qk_rope_head_dim), qk_nope_head_dim: int(c.qk_nope_head_dim), v_head_dim: int(c.v_head_dim) };
    arch.attention = mla;
    cite('architecture.attention', configId, `${at('num_attention_heads')}, kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim (multi-head latent attention)`, 'verified');
  } else if (heads) {
    const kvHeads = int(c.num_key_value_heads) ?? heads;
    const explicitDim = int(c.head_dim);
    const headDim = explicitDim ?? (hidden && hidden % heads === 0 ? hidden / heads : undefined);
    if (headDim) {
      arch.attention = { kind: 'gqa', heads, kv_heads: kvHeads, head_dim: headDim };
      const how = `${at('num_attention_heads')} ${heads}, ${c.num_key_value_heads !== undefined ? `num_key_value_heads ${kvHeads}` : 'no num_key_value_heads (multi-head: kv_heads = heads)'}, ${explicitDim ? `head_dim ${headDim}` : `head_dim = hidden_size / num_attention_heads = ${headDim}`}`;
      cite('architecture.attention', configId, how, 'verified');
    }
  }
  if (!arch.attention) missing.push({ path: 'architecture.attention', why: 'config.json has no num_attention_heads / head layout this importer reads' });

  // Local attention: layer_types lists each layer; Gemma gives a pattern; Mistral-style configs window every layer.
  const types = Array.isArray(c.layer_types) ? (c.layer_types as unknown[]).filter((t): t is string => typeof t === 'string') : undefined;
  const windowSize = int(c.sliding_window);
  const chunk = int(c.attention_chunk_size);
  if (chunk && layers) {
    const noRope = Array.isArray(c.no_rope_layers) ? (c.no_rope_layers as unknown[]) : undefined;
    const local = noRope ? noRope.filter((v) => v === 1).length : undefined;
    if (local !== undefined) {
      arch.window = { kind: 'chunked', size: chunk, windowed_layers: local, pattern: `${local} chunked : ${layers - local} global` };
      cite('architecture.window', configId, `${at('attention_chunk_size')} ${chunk}; no_rope_layers (${local} of ${layers} layers use RoPE and chunked attention)`, 'verified');
    } else missing.push({ path: 'architecture.window', why: `attention_chunk_size ${chunk} is set but no_rope_layers does not say which layers are chunked` });
  } else if (windowSize && types && types.length > 0) {
    const local = types.filter((t) => t === 'sliding_attention').length;
    if (local > 0) {
      arch.window = { kind: 'sliding', size: windowSize, windowed_layers: local, pattern: `${local} sliding : ${types.length - local} full` };
      cite('architecture.window', configId, `${at('sliding_window')} ${windowSize}; layer_types (${local} sliding_attention of ${types.length})`, 'verified');
    }
  } else if (windowSize && layers && int(c.sliding_window_pattern)) {
    const every = int(c.sliding_window_pattern)!;
    const global = Math.floor(layers / every);
    arch.window = { kind: 'sliding', size: windowSize, windowed_layers: layers - global, pattern: `${every - 1} local : 1 global` };
    cite('architecture.window', configId, `${at('sliding_window')} ${windowSize}; sliding_window_pattern ${every} (every ${every}th layer global)`, 'verified');
  } else if (windowSize && layers && c.use_sliding_window !== false) {
    arch.window = { kind: 'sliding', size: windowSize, windowed_layers: layers };
    cite('architecture.window', configId, `${at('sliding_window')} ${windowSize} with no per-layer pattern (every layer)`, 'directional', 'the config gives one window for all layers; check the model card for a layer pattern');
  }

  // Hybrid linear attention (Qwen3-Next / Qwen3.5: layer_types "linear_attention").
  if (types && types.includes('linear_attention')) {
    const lin = { kind: 'gated-deltanet', layers: types.filter((t) => t === 'linear_attention').length, key_heads: int(c.linear_num_key_heads), value_heads: int(c.linear_num_value_heads), key_head_dim: int(c.linear_key_head_dim), value_head_dim: int(c.linear_value_head_dim), ...(int(c.linear_conv_kernel_dim) ? { conv_kernel: int(c.linear_conv_kernel_dim) } : {}) };
    if (lin.key_heads && lin.value_heads && lin.key_head_dim && lin.value_head_dim) {
      arch.linear_attention = lin;
      cite('architecture.linear_attention', configId, `${at('layer_types')} (${lin.layers} linear_attention), linear_num_key_heads, linear_num_value_heads, linear_key_head_dim, linear_value_head_dim`, 'verified', 'kind gated-deltanet assumed from the Qwen3-Next layer naming; check the model card');
    } else missing.push({ path: 'architecture.linear_attention', why: 'layer_types has linear_attention layers but the linear head sizes are not all in config.json' });
  }

  // Mixture of experts.
  const expertsKey = ['num_experts', 'num_local_experts', 'n_routed_experts'].find((k) => int(c[k]) !== undefined);
  if (expertsKey) {
    const total = int(c[expertsKey])!;
    const active = int(c.num_experts_per_tok ?? c.num_experts_per_token ?? c.moe_topk);
    const shared = int(c.n_shared_experts) ?? (int(c.shared_expert_intermediate_size) ? 1 : 0);
    let moeLayers: number | undefined;
    let how = '';
    if (layers && c.first_k_dense_replace !== undefined && num(c.first_k_dense_replace) !== undefined) {
      moeLayers = layers - num(c.first_k_dense_replace)!;
      how = `, first_k_dense_replace ${c.first_k_dense_replace}`;
    } else if (layers && (int(c.decoder_sparse_step) !== undefined || Array.isArray(c.mlp_only_layers))) {
      // Qwen2-MoE / Qwen3-MoE: layer i is sparse unless listed in mlp_only_layers, and when (i + 1) % decoder_sparse_step == 0.
      const step = int(c.decoder_sparse_step) ?? 1;
      const dense = new Set(Array.isArray(c.mlp_only_layers) ? c.mlp_only_layers : []);
      moeLayers = Array.from({ length: layers }, (_, i) => i).filter((i) => !dense.has(i) && (i + 1) % step === 0).length;
      how = `, decoder_sparse_step ${step}, mlp_only_layers (${dense.size})`;
    } else if (layers && int(c.interleave_moe_layer_step) && int(c.interleave_moe_layer_step)! > 1) {
      moeLayers = Math.floor(layers / int(c.interleave_moe_layer_step)!);
      how = `, interleave_moe_layer_step ${c.interleave_moe_layer_step}`;
    }
    if (active) {
      arch.moe = {
        experts_total: total,
        experts_active: active,
        experts_shared: shared,
        ...(moeLayers !== undefined ? { moe_layers: moeLayers } : {}),
        ...(int(c.moe_intermediate_size) ? { expert_intermediate_size: int(c.moe_intermediate_size) } : {}),
      };
      cite('architecture.moe', configId, `${at(expertsKey)} ${total}, num_experts_per_tok ${active}, ${c.n_shared_experts !== undefined ? `n_shared_experts ${shared}` : c.shared_expert_intermediate_size !== undefined ? 'shared_expert_intermediate_size (one shared expert)' : 'no shared experts named'}${how}`, c.n_shared_experts !== undefined || c.shared_expert_intermediate_size !== undefined ? 'verified' : 'directional', c.n_shared_experts === undefined && c.shared_expert_intermediate_size === undefined ? 'no shared-expert key: 0 drafted, check the card' : undefined);
    } else missing.push({ path: 'architecture.moe', why: `${expertsKey} ${total} is set but not the experts per token` });
  }

  // Precision of the released weights.
  const dtype = typeof (root.torch_dtype ?? root.dtype ?? c.torch_dtype) === 'string' ? String(root.torch_dtype ?? root.dtype ?? c.torch_dtype) : undefined;
  const q = root.quantization_config as Json | undefined;
  const qMethod = q && typeof q.quant_method === 'string' ? q.quant_method.toLowerCase() : undefined;
  const qBits = q ? int(q.bits) : undefined;
  let precision: string | undefined;
  let precisionFrom = '';
  if (qMethod === 'fp8' || (qMethod === 'compressed-tensors' && /fp8|float8/i.test(JSON.stringify(q)))) [precision, precisionFrom] = ['fp8', `quantization_config.quant_method ${qMethod}`];
  else if (qMethod === 'mxfp4') [precision, precisionFrom] = [undefined, 'quantization_config.quant_method mxfp4'];
  else if ((qMethod === 'awq' || qMethod === 'gptq') && qBits === 4) [precision, precisionFrom] = ['int4', `quantization_config.quant_method ${qMethod}, bits 4`];
  else if ((qMethod === 'awq' || qMethod === 'gptq') && qBits === 8) [precision, precisionFrom] = ['int8', `quantization_config.quant_method ${qMethod}, bits 8`];
  else if (!q && dtype && DTYPES[dtype]) [precision, precisionFrom] = [DTYPES[dtype], `torch_dtype ${dtype}`];
  if (qMethod === 'mxfp4' && dtype && DTYPES[dtype]) {
    arch.native_precision = DTYPES[dtype];
    arch.native_expert_precision = 'mxfp4';
    cite('architecture.native_precision', configId, `torch_dtype ${dtype}; quantization_config.quant_method mxfp4 (experts)`, 'verified');
  } else if (precision) {
    arch.native_precision = precision;
    cite('architecture.native_precision', configId, precisionFrom, 'verified');
  } else missing.push({ path: 'architecture.native_precision', why: q ? `quantization_config ${qMethod ?? '(no quant_method)'}${qBits ? ` ${qBits}-bit` : ''} is not a precision the schema names` : 'config.json has no torch_dtype' });
  if (typeof (c.tie_word_embeddings ?? root.tie_word_embeddings) === 'boolean') {
    arch.tied_embeddings = c.tie_word_embeddings ?? root.tie_word_embeddings;
    cite('architecture.tied_embeddings', configId, at('tie_word_embeddings'), 'verified');
  }

  // Parameters: config.json has none; the safetensors index's total size over the dtype's bytes, for unquantized weights.
  let params: number | undefined;
  if (files.safetensorsIndex !== undefined) {
    try {
      const meta = (JSON.parse(files.safetensorsIndex) as { metadata?: Json }).metadata ?? {};
      const total = num(meta.total_parameters);
      const bytes = num(meta.total_size);
      const width = precision && !q ? BYTES[precision] : undefined;
      if (total) {
        params = Math.round(total / 1e7) / 100;
        arch.params_total_b = params;
        cite('architecture.params_total_b', ids.indexId, `metadata.total_parameters ${total}`, 'verified');
      } else if (bytes && width) {
        params = Math.round(bytes / width / 1e7) / 100;
        arch.params_total_b = params;
        cite('architecture.params_total_b', ids.indexId, `metadata.total_size ${bytes} bytes / ${width} bytes per ${precision} weight`, 'directional', 'computed from the checkpoint size; it counts every tensor, including any vision tower');
      }
    } catch {
      // an unreadable index only means no parameter count
    }
  }
  if (params === undefined) missing.push({ path: 'architecture.params_total_b', why: 'config.json has no parameter count and no readable model.safetensors.index.json gives one (metadata.total_parameters, or total_size of unquantized weights): take it from the model card' });
  if (arch.moe && params !== undefined) missing.push({ path: 'architecture.params_active_b', why: 'active parameters per token are not in config.json: take them from the model card' });

  if (int(c.max_position_embeddings)) {
    model.context_tokens = int(c.max_position_embeddings);
    const rope = c.rope_scaling as Json | undefined;
    cite('context_tokens', configId, at('max_position_embeddings'), rope ? 'directional' : 'verified', rope ? `rope_scaling ${String(rope.rope_type ?? rope.type ?? '')} is set: the served window may differ; check the card` : undefined);
  }
  if (Object.keys(arch).length > 0) model.architecture = arch;
}
