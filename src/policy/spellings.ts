/**
 * Spellings and derivatives: how real router configs name a checkpoint the registry knows under another
 * id. Data tables (LiteLLM's provider list, the Ollama library's tags, quantization markers, re-uploader
 * organisations) and pure functions over them; `resolve.ts` calls `resolveSpelling` after its alias lookup
 * misses. Nothing here guesses: every rule ends in an exact registry id or alias, or in no answer.
 *
 * Sources (docs/linter.md, "Spellings and derivatives"):
 * - LiteLLM providers: `LlmProviders` in litellm/types/utils.py and litellm/llms/openai_like/providers.json
 *   (github.com/BerriAI/litellm, read at commit 001c64f2); the Azure Responses route's `responses/` and
 *   `o_series/` segments: `get_stripped_model_name` in litellm/llms/azure/responses/transformation.py (commit 0376d717).
 * - Ollama library tags: the "Model library" table of github.com/ollama/ollama README.md (commit e5335ef9,
 *   and the earlier commits that listed Gemma 2, Llama 3 and Llama 2), the library pages, and the vendors'
 *   own Ollama instructions (Qwen's), named on each entry.
 */

/**
 * Every provider in LiteLLM's `LlmProviders` enum (litellm/types/utils.py) and its JSON-configured
 * OpenAI-compatible providers (litellm/llms/openai_like/providers.json), plus `siliconflow`, which real
 * configs write although LiteLLM's list at that commit does not have it (SiliconFlow's API is
 * OpenAI-compatible). A known prefix is stripped for alias lookup; who serves the route is decided elsewhere.
 */
export const LITELLM_PROVIDERS: readonly string[] = [
  'openai', 'chatgpt', 'openai_like', 'jina_ai', 'xai', 'zai', 'custom_openai', 'text-completion-openai', 'cohere', 'cohere_chat', 'clarifai',
  'anthropic', 'anthropic_text', 'bytez', 'replicate', 'reducto', 'runwayml', 'aws_polly', 'huggingface', 'together_ai', 'openrouter', 'datarobot',
  'vertex_ai', 'vertex_ai_beta', 'gemini', 'ai21', 'baseten', 'black_forest_labs', 'azure', 'azure_text', 'azure_ai', 'sagemaker', 'sagemaker_chat',
  'sagemaker_nova', 'bedrock', 'vllm', 'nlp_cloud', 'petals', 'oobabooga', 'ollama', 'ollama_chat', 'deepinfra', 'perplexity', 'mistral', 'milvus',
  'groq', 'a2a', 'gigachat', 'nvidia_nim', 'nvidia_riva', 'soniox', 'cerebras', 'ai21_chat', 'volcengine', 'codestral', 'text-completion-codestral',
  'dashscope', 'modelscope', 'moonshot', 'publicai', 'v0', 'morph', 'lambda_ai', 'inception', 'text-completion-inception', 'deepseek', 'sambanova',
  'maritalk', 'voyage', 'cloudflare', 'xinference', 'fireworks_ai', 'friendliai', 'featherless_ai', 'watsonx', 'watsonx_text', 'triton', 'predibase',
  'databricks', 'empower', 'github', 'ragflow', 'compactifai', 'docker_model_runner', 'custom', 'litellm_proxy', 'hosted_vllm', 'tencent', 'llamafile',
  'lm_studio', 'galadriel', 'nebius', 'infinity', 'deepgram', 'elevenlabs', 'novita', 'aiohttp_openai', 'langfuse', 'humanloop', 'topaz', 'sap',
  'assemblyai', 'charity_engine', 'github_copilot', 'snowflake', 'gradient_ai', 'meta_llama', 'nscale', 'pg_vector', 's3_vectors', 'helicone',
  'hyperbolic', 'recraft', 'fal_ai', 'stability', 'heroku', 'aiml', 'cometapi', 'oci', 'auto_router', 'vercel_ai_gateway', 'dotprompt', 'manus',
  'wandb', 'ovhcloud', 'scaleway', 'lemonade', 'amazon_nova', 'a2a_agent', 'langgraph', 'langflow', 'minimax', 'synthetic', 'apertis', 'nano-gpt',
  'poe', 'chutes', 'neosantara', 'parasail', 'xiaomi_mimo', 'tensormesh', 'libertai', 'pinstripes', 'darkbloom', 'meta', 'litellm_agent', 'cursor',
  'bedrock_mantle', 'gdc',
  // litellm/llms/openai_like/providers.json
  'veniceai', 'abliteration', 'llamagate', 'gmi', 'sarvam', 'aihubmix', 'crusoe', 'salad_cloud',
  // not in LiteLLM's list; see above
  'siliconflow',
];

/** What a spelling rule found, kept on the resolution so findings can say how the id was read. */
export interface Spelling {
  rule: 'provider-variant' | 'provider-path' | 'ollama-library' | 'quantized' | 're-upload' | 'served-name';
  /** One sentence for people: "resolved as a quantized re-upload of meta/llama-3.3-70b-instruct (AWQ, by TheBloke)". */
  note: string;
  /** OpenRouter's routing variant (`:free`, `:nitro`, `:floor` …), which changes the terms of the route, not the model. */
  variant?: string;
  /** A re-upload of the base checkpoint's weights: the base's license chain applies unchanged. */
  derivative?: { relation: 'quantized' | 're-upload'; of: string; format?: string; publisher?: string };
  /** The document a table rule rests on (the Ollama library entry). */
  source?: { url: string; where: string; status: 'verified' | 'single-source' };
  /**
   * The reading rests on a name someone chose (a served name without the org): the sentence the route's
   * `route/assumed-model` warning gives, e.g. `it equals the Hugging Face repo name of Qwen/Qwen3-8B without the org`.
   */
  assumed?: string;
}

/** What the spelling rules need from the registry: exact lookups only. */
export interface SpellingIndex {
  /** Lower-case alias or id → model id. */
  lookup(key: string): string | undefined;
  /** Lower-case Hugging Face repo name (no org), normalised by `repoNameKey` → the one model whose own repo has it. */
  byRepoName: ReadonlyMap<string, RepoNameHit>;
  /** The same key for a name several models' repos share → those models (sorted): suggested, never read. */
  sharedRepoNames: ReadonlyMap<string, readonly string[]>;
}

import type { Evidence } from './types.ts';

// ---------------------------------------------------------------------------------------------------------
// Provider decorations

/** OpenRouter routing variants (openrouter.ai docs, "Model variants"): same model, different routing or terms. */
export const OPENROUTER_VARIANTS: readonly string[] = ['free', 'beta', 'nitro', 'floor', 'extended', 'thinking', 'online', 'exacto'];
const OPENROUTER_VARIANT = new RegExp(`:(${OPENROUTER_VARIANTS.join('|')})$`);

/** Bedrock cross-region inference profile prefixes (`us.anthropic.claude-…`). */
export const BEDROCK_PROFILE_PREFIXES: readonly string[] = ['us', 'eu', 'apac', 'jp', 'au', 'ca', 'us-gov', 'global'];
const BEDROCK_PROFILE = new RegExp(`^(${BEDROCK_PROFILE_PREFIXES.join('|')})\\.`);

/** Prefixes whose model ids are a Hugging Face repo name without its org (LiteLLM docs, GitHub provider). */
export const REPO_NAME_CATALOGUES: readonly string[] = ['github'];

/**
 * Prefixes whose model string is a name the deployment's owner chose: an Azure deployment name, the served
 * name of a self-hosted OpenAI-compatible server (vLLM's `--served-model-name`, LM Studio, llamafile …). A name
 * without an org that equals one registry checkpoint's Hugging Face repo name is read as that checkpoint, as
 * an assumption the route reports (`route/assumed-model`). Ollama names are library names, read by the table.
 */
export const SERVED_NAME_PREFIXES: readonly string[] = [
  'openai', 'text-completion-openai', 'openai_like', 'custom_openai', 'hosted_vllm', 'vllm', 'lm_studio', 'llamafile', 'xinference', 'oobabooga',
  'docker_model_runner', 'lemonade', 'azure', 'azure_ai', 'azure_text',
];

/** Hugging Face Inference Providers, which `huggingface/<provider>/<org>/<model>` names before the repo. */
const HF_INFERENCE_PROVIDERS = new Set(['together', 'fireworks-ai', 'nebius', 'sambanova', 'novita', 'hyperbolic', 'cerebras', 'groq', 'featherless-ai', 'nscale', 'hf-inference', 'cohere', 'replicate', 'fal-ai', 'scaleway', 'ovhcloud']);

/** The OpenRouter variant at the end of an id, if any. */
export function openRouterVariant(spec: string): string | undefined {
  return OPENROUTER_VARIANT.exec(spec.trim().toLowerCase())?.[1];
}

/** How an id with an OpenRouter variant was read, for a resolution that matched once the variant was removed. */
export function variantSpelling(spec: string, id: string): Spelling | undefined {
  const variant = openRouterVariant(spec);
  return variant ? { rule: 'provider-variant', variant, note: `read as ${id} through the ":${variant}" routing variant` } : undefined;
}

/**
 * Spellings of the id after its provider prefix, most specific first: the provider's decorations removed
 * (Bedrock ARNs, profiles and route segments; Vertex AI project/publisher paths and `@version`; Cloudflare
 * `@cf/`; Fireworks `accounts/…/models/`; OpenRouter variants; Hugging Face inference-provider segments).
 */
export function providerForms(prefix: string, rest: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (s !== '' && !out.includes(s)) out.push(s);
  };
  let r = rest;
  switch (prefix) {
    case 'openrouter':
      r = r.replace(OPENROUTER_VARIANT, '');
      break;
    case 'fireworks_ai':
      r = r.replace(/^accounts\/[^/]+\/models\//, '');
      break;
    case 'bedrock':
      r = r.replace(/^(converse|invoke|converse_like)\//, '');
      // A region path segment: "bedrock/us-west-2/…" names where the call goes, not the model.
      r = r.replace(/^[a-z]{2}(-gov)?-[a-z]+-\d+\//, '');
      r = r.replace(/^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(inference-profile|foundation-model)\//, '');
      r = r.replace(BEDROCK_PROFILE, '');
      break;
    case 'vertex_ai':
    case 'vertex_ai_beta': {
      r = r.replace(/^projects\/[^/]+\/locations\/[^/]+\//, '');
      const publisher = /^publishers\/([^/]+)\/models\/(.+)$/.exec(r);
      if (publisher) {
        // Try "anthropic/claude-…" and the bare model id.
        for (const form of [`${publisher[1]}/${publisher[2]}`, publisher[2]!]) {
          add(form);
          add(form.replace(/@(latest|default)$/, '').replace(/@/, '-'));
        }
        r = publisher[2]!;
      }
      add(r);
      // "claude-3-5-sonnet@20240620" is Anthropic's "claude-3-5-sonnet-20240620"; "@latest"/"@default" name no version.
      r = r.replace(/@(latest|default)$/, '').replace(/@/, '-');
      add(r);
      // Vertex's model-as-a-service ids end in "-maas": "meta/llama-3.3-70b-instruct-maas".
      r = r.replace(/-maas$/, '');
      break;
    }
    case 'cloudflare':
      r = r.replace(/^@(cf|hf)\//, '');
      break;
    case 'huggingface': {
      const first = r.slice(0, r.indexOf('/'));
      if (HF_INFERENCE_PROVIDERS.has(first) && r.split('/').length >= 3) r = r.slice(first.length + 1);
      break;
    }
    case 'ollama':
    case 'ollama_chat':
      r = r.replace(/^library\//, '');
      break;
    case 'azure':
      // LiteLLM's Azure Responses API route: `get_stripped_model_name` removes "responses/" (and "o_series/")
      // before the deployment name is sent (litellm/llms/azure/responses/transformation.py).
      r = r.replace('responses/', '').replace('o_series/', '');
      add(r);
      // A deployment of an Azure AI Foundry model on an Azure OpenAI resource: spelled like its azure_ai/ id.
      add(`azure_ai/${r}`);
      break;
  }
  add(r);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Ollama library

type OllamaVariant = 'instruct' | 'text' | 'python';

export interface OllamaLibraryEntry {
  /** The library name, e.g. "llama3.2". */
  name: string;
  /** Size (and version) the bare name and `:latest` serve, when a source says so; absent: a bare name does not resolve. */
  default?: { size: string; version?: string };
  /** Words a tag uses for a size (`phi3:mini` is the 3.8b); `3.8b-mini` reads as the 3.8b too. */
  sizeNames?: Record<string, string>;
  /** A version without a size does not mean the default size (`mixtral:v0.1-instruct` is the 8x22b, not the default 8x7b). */
  versionNeedsSize?: boolean;
  /**
   * Each tag's checkpoint, as a Hugging Face repo id the registry knows as an alias or weights repo. A
   * `qualifier` is a word group the tag carries after the size to name the base (`deepseek-r1:8b-llama-distill`);
   * a checkpoint with one matches only tags that carry it.
   */
  checkpoints: { size: string; qualifier?: string; version?: string; variant: OllamaVariant; repo: string }[];
  /** verified: Ollama's own README or library page, read; single-source: a third party's list of the tags. */
  source: { url: string; where: string; status: 'verified' | 'single-source' };
}

const README = 'https://github.com/ollama/ollama/blob/e5335ef93606dd4d681cc9b1233ba87a9bfdd8d9/README.md';
const sized = (sizes: Record<string, string>, variant: OllamaVariant = 'instruct') => Object.entries(sizes).map(([size, repo]) => ({ size, variant, repo }));

/**
 * The Ollama library names real configs use, with the checkpoint each tag serves: only the tags a source
 * read shows. Instruct is the default variant ("ollama run mistral" is the instruct model; `:text` the base
 * model). A tag not listed here does not resolve, even when its checkpoint is in the registry.
 */
export const OLLAMA_LIBRARY: readonly OllamaLibraryEntry[] = [
  {
    name: 'llama3.2',
    default: { size: '3b' },
    checkpoints: sized({ '1b': 'meta-llama/Llama-3.2-1B-Instruct', '3b': 'meta-llama/Llama-3.2-3B-Instruct' }),
    source: { url: README, where: 'Model library table: "Llama 3.2 | 3B | ollama run llama3.2", "Llama 3.2 | 1B | ollama run llama3.2:1b"', status: 'verified' },
  },
  {
    name: 'llama3.1',
    default: { size: '8b' },
    checkpoints: sized({ '8b': 'meta-llama/Llama-3.1-8B-Instruct', '405b': 'meta-llama/Llama-3.1-405B-Instruct' }),
    source: { url: README, where: 'Model library table: "Llama 3.1 | 8B | ollama run llama3.1", "Llama 3.1 | 405B | ollama run llama3.1:405b"', status: 'verified' },
  },
  {
    name: 'llama3.3',
    default: { size: '70b' },
    checkpoints: sized({ '70b': 'meta-llama/Llama-3.3-70B-Instruct' }),
    source: { url: README, where: 'Model library table: "Llama 3.3 | 70B | ollama run llama3.3"', status: 'verified' },
  },
  {
    name: 'gemma3',
    default: { size: '4b' },
    checkpoints: sized({ '270m': 'google/gemma-3-270m-it', '1b': 'google/gemma-3-1b-it', '4b': 'google/gemma-3-4b-it', '12b': 'google/gemma-3-12b-it', '27b': 'google/gemma-3-27b-it' }),
    source: { url: README, where: 'Model library table: "Gemma 3 | 4B | ollama run gemma3", gemma3:1b, gemma3:12b, gemma3:27b; the 270m tag is listed on https://ollama.com/library/gemma3:4b/blobs/e0a42594d802', status: 'verified' },
  },
  {
    name: 'mistral',
    default: { size: '7b', version: 'v0.3' },
    checkpoints: [
      { size: '7b', version: 'v0.3', variant: 'instruct', repo: 'mistralai/Mistral-7B-Instruct-v0.3' },
      { size: '7b', version: 'v0.3', variant: 'text', repo: 'mistralai/Mistral-7B-v0.3' },
      { size: '7b', version: 'v0.2', variant: 'instruct', repo: 'mistralai/Mistral-7B-Instruct-v0.2' },
      { size: '7b', version: 'v0.1', variant: 'instruct', repo: 'mistralai/Mistral-7B-Instruct-v0.1' },
      { size: '7b', version: 'v0.1', variant: 'text', repo: 'mistralai/Mistral-7B-v0.1' },
    ],
    source: { url: 'https://ollama.com/library/mistral', where: 'Versions table: "v0.3 latest 05/22/2024", v0.2, v0.1; "Instruct: ollama run mistral", "Text completion: ollama run mistral:text"', status: 'verified' },
  },
  {
    name: 'codellama',
    default: { size: '7b' },
    // The python and code (base) variants are not in the registry, so they are left out.
    checkpoints: sized({
      '7b': 'codellama/CodeLlama-7b-Instruct-hf',
      '13b': 'codellama/CodeLlama-13b-Instruct-hf',
      '34b': 'codellama/CodeLlama-34b-Instruct-hf',
      '70b': 'codellama/CodeLlama-70b-Instruct-hf',
    }),
    source: {
      url: 'https://ollama.com/library/codellama',
      where: 'library page: tags codellama:latest, codellama:7b ("latest"), codellama:13b, codellama:34b, codellama:70b ("ollama run codellama:13b" …); variants instruct, python, code ("Base model for code completion"); the README\'s Model library table (e5335ef9) has "Code Llama | 7B | ollama run codellama"',
      status: 'verified',
    },
  },
  {
    name: 'phi4',
    default: { size: '14b' },
    checkpoints: sized({ '14b': 'microsoft/phi-4' }),
    source: { url: README, where: 'Model library table: "Phi 4 | 14B | ollama run phi4"', status: 'verified' },
  },
  {
    name: 'phi4-mini',
    default: { size: '3.8b' },
    checkpoints: sized({ '3.8b': 'microsoft/Phi-4-mini-instruct' }),
    source: { url: README, where: 'Model library table: "Phi 4 Mini | 3.8B | ollama run phi4-mini"', status: 'verified' },
  },
  {
    name: 'gemma2',
    default: { size: '9b' },
    checkpoints: sized({ '2b': 'google/gemma-2-2b-it', '9b': 'google/gemma-2-9b-it', '27b': 'google/gemma-2-27b-it' }),
    source: { url: 'https://github.com/ollama/ollama/blob/aee28501b592e2fe98863212913ffa8fb22e1ca0/README.md', where: 'Model library table (March 2025, the last commit before Gemma 3 replaced the rows): "Gemma 2 | 2B | ollama run gemma2:2b", "Gemma 2 | 9B | ollama run gemma2", "Gemma 2 | 27B | ollama run gemma2:27b"', status: 'verified' },
  },
  {
    name: 'llama3',
    default: { size: '8b' },
    checkpoints: sized({ '8b': 'meta-llama/Meta-Llama-3-8B-Instruct', '70b': 'meta-llama/Meta-Llama-3-70B-Instruct' }),
    source: { url: 'https://github.com/ollama/ollama/blob/37096790a70dc423c1d32828fbc9bf5b2ce6d9b3/README.md', where: 'Model library table (July 2024, the last commit listing Llama 3): "Llama 3 | 8B | ollama run llama3", "Llama 3 | 70B | ollama run llama3:70b"', status: 'verified' },
  },
  {
    name: 'llama2',
    default: { size: '7b' },
    checkpoints: sized({ '7b': 'meta-llama/Llama-2-7b-chat-hf', '13b': 'meta-llama/Llama-2-13b-chat-hf', '70b': 'meta-llama/Llama-2-70b-chat-hf' }),
    source: { url: 'https://github.com/ollama/ollama/blob/9755cf9173152047030b6d080c29c829bb050a15/README.md', where: 'Model library table (April 2024, the last commit listing Llama 2 7B): "Llama 2 | 7B | ollama run llama2", "Llama 2 13B | 13B | ollama run llama2:13b", "Llama 2 70B | 70B | ollama run llama2:70b"; the chat model is the default variant as for the other entries', status: 'verified' },
  },
  {
    // Qwen's guide names the size tags but not the size the bare name serves, so only size tags resolve.
    name: 'qwen2.5',
    checkpoints: sized({
      '0.5b': 'Qwen/Qwen2.5-0.5B-Instruct',
      '1.5b': 'Qwen/Qwen2.5-1.5B-Instruct',
      '3b': 'Qwen/Qwen2.5-3B-Instruct',
      '7b': 'Qwen/Qwen2.5-7B-Instruct',
      '14b': 'Qwen/Qwen2.5-14B-Instruct',
      '32b': 'Qwen/Qwen2.5-32B-Instruct',
      '72b': 'Qwen/Qwen2.5-72B-Instruct',
    }),
    source: {
      url: 'https://github.com/QwenLM/Qwen3/blob/2b567c638fd5d4bb8eac2673b5e70f276ad359f4/docs/source/run_locally/ollama.md',
      where: 'Qwen\'s Ollama guide: "you can choose to run Qwen2.5-Instruct models of different sizes by: ollama run qwen2.5:0.5b … qwen2.5:72b" and "ollama does not host base models … they are all instruct models"; the Ollama library page https://ollama.com/library/qwen2.5:14b-instruct/blobs/eb4402837c78 lists the same sizes 0.5b–72b',
      status: 'verified',
    },
  },
  {
    // Only the dense sizes with a single Qwen3 checkpoint: Ollama moved 4b, 30b and 235b to the 2507 releases over
    // time (Qwen's README: "qwen3:30b-a3b in Ollama points to qwen3:30b-a3b-thinking-2507-q4_K_M as of August 2025").
    // No source read says what the bare name serves.
    name: 'qwen3',
    checkpoints: sized({ '0.6b': 'Qwen/Qwen3-0.6B', '1.7b': 'Qwen/Qwen3-1.7B', '8b': 'Qwen/Qwen3-8B', '14b': 'Qwen/Qwen3-14B', '32b': 'Qwen/Qwen3-32B' }),
    source: {
      url: 'https://github.com/QwenLM/Qwen3/blob/7a2f61ffc7a20d47efcd2bf97f6f2bf52729042e/README.md',
      where: 'Qwen3 README, Ollama section: "You can specify a model size by adding a suffix to qwen3, such as :8b", "ollama run qwen3:8b"; the Ollama library page https://ollama.com/library/qwen3:30b-a3b-instruct-2507-q4_K_M/blobs/636353bf6b2f lists the sizes 0.6b, 1.7b, 4b, 8b, 14b, 30b, 32b, 235b. 0.6b, 1.7b, 14b and 32b are read as the one Qwen3 checkpoint of that size (no 2507 release at those sizes)',
      status: 'verified',
    },
  },
  {
    // The library page now describes R1-0528 and DeepSeek's 0528 release added an 8B distill (R1-0528-Qwen3-8B),
    // so what bare deepseek-r1, :8b and :671b serve today is not read: they do not resolve. The other sizes
    // have one DeepSeek-R1 checkpoint each; the llama-distill tags name theirs.
    name: 'deepseek-r1',
    checkpoints: [
      ...sized({
        '1.5b': 'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B',
        '7b': 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
        '14b': 'deepseek-ai/DeepSeek-R1-Distill-Qwen-14B',
        '32b': 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
        '70b': 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
      }),
      { size: '8b', qualifier: 'llama-distill', variant: 'instruct', repo: 'deepseek-ai/DeepSeek-R1-Distill-Llama-8B' },
      { size: '70b', qualifier: 'llama-distill', variant: 'instruct', repo: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B' },
    ],
    source: {
      url: 'https://ollama.com/library/deepseek-r1:70b-llama-distill-q4_K_M/blobs/f4d24e9138dd',
      where: 'library tag pages deepseek-r1:70b-llama-distill-q4_K_M and deepseek-r1:8b-llama-distill-q4_K_M: sizes 1.5b, 7b, 8b, 14b, 32b, 70b, 671b, "DeepSeek-R1 is a family of open reasoning models with performance approaching that of leading models, such as O3 and Gemini 2.5 Pro". 1.5b, 7b, 14b, 32b and 70b are read as the one distill of that size in the distill table of DeepSeek\'s R1 README (Qwen 1.5B, 7B, 14B, 32B; Llama 8B, 70B); Ollama\'s docs/api.md lists deepseek-r1:latest of May 2025 as a 7.6B qwen2 model, the Qwen-7B distill, which was the default then',
      status: 'verified',
    },
  },
  {
    // mixtral:text (the 8x7B base, mistralai/Mixtral-8x7B-v0.1) is not in the registry, so it is left out.
    name: 'mixtral',
    default: { size: '8x7b', version: 'v0.1' },
    versionNeedsSize: true,
    checkpoints: [
      { size: '8x7b', version: 'v0.1', variant: 'instruct', repo: 'mistralai/Mixtral-8x7B-Instruct-v0.1' },
      { size: '8x22b', version: 'v0.1', variant: 'instruct', repo: 'mistralai/Mixtral-8x22B-Instruct-v0.1' },
    ],
    source: {
      url: 'https://ollama.com/library/mixtral:8x7b-instruct-v0.1-q4_K_M',
      where: 'library pages: sizes 8x7b and 8x22b ("ollama run mixtral:8x22b"); mixtral:latest, mixtral:instruct and mixtral:8x7b are the same 46.7B Q4_0 blob (a3b6bef0f836), tag 8x7b-instruct-v0.1-q4_K_M; mixtral:v0.1-instruct is a 141B blob (e8479ee1cb51), the 8x22B',
      status: 'verified',
    },
  },
  {
    // phi3:medium (the 4k context Medium, microsoft/Phi-3-medium-4k-instruct) is not in the registry, so it is left out.
    name: 'phi3',
    default: { size: '3.8b' },
    sizeNames: { mini: '3.8b', medium: '14b' },
    checkpoints: [
      { size: '3.8b', variant: 'instruct', repo: 'microsoft/Phi-3-mini-4k-instruct' },
      { size: '3.8b', qualifier: '4k', variant: 'instruct', repo: 'microsoft/Phi-3-mini-4k-instruct' },
      { size: '14b', qualifier: '128k', variant: 'instruct', repo: 'microsoft/Phi-3-medium-128k-instruct' },
    ],
    source: {
      url: 'https://ollama.com/library/phi3:3.8b-mini-4k-instruct-q6_K',
      where: 'library page readme: "Phi-3 Mini – 3B parameters – ollama run phi3:mini", "Phi-3 Medium – 14B parameters – ollama run phi3:medium"; context window sizes "4k ollama run phi3:mini ollama run phi3:medium", "128k ollama run phi3:medium-128k"; the bare name is the Mini: "Phi 3 Mini | 3.8B | ollama run phi3" in the Model library table of Ollama\'s README at 3b1ddb2 (March 2025)',
      status: 'verified',
    },
  },
  {
    // No source read says what the bare name serves, so only size tags resolve.
    name: 'qwen3.5',
    checkpoints: sized({ '0.8b': 'Qwen/Qwen3.5-0.8B', '2b': 'Qwen/Qwen3.5-2B', '4b': 'Qwen/Qwen3.5-4B', '9b': 'Qwen/Qwen3.5-9B' }),
    source: { url: 'https://ollama.com/library/qwen3.5', where: 'size tags 0.8b, 2b, 4b, 9b as listed, with their Ollama sizes, by insiderllm.com "Qwen 3.5 Small Models"; the library page itself was not read', status: 'single-source' },
  },
];

const OLLAMA_BY_NAME = new Map(OLLAMA_LIBRARY.map((e) => [e.name, e]));
const OLLAMA_VARIANT_WORDS: Record<string, OllamaVariant> = { instruct: 'instruct', chat: 'instruct', it: 'instruct', text: 'text', code: 'text', pt: 'text', python: 'python' };

export interface OllamaTag {
  entry: OllamaLibraryEntry;
  checkpoint: OllamaLibraryEntry['checkpoints'][number];
  /** The quantization the tag names (`q4_K_M`, `fp16`, `qat`), if any. */
  quant?: string;
}

/**
 * Reads an Ollama library reference, `name[:tag]`, tag = `[size][-qualifier][-variant][-version][-quant]` in
 * Ollama's order (`llama3.2`, `llama3.2:latest`, `llama3.2:1b`, `llama3.1:8b-instruct-q4_K_M`,
 * `mistral:7b-text-v0.2-q2_K`, `gemma3:4b-it-qat`, `deepseek-r1:8b-llama-distill-q4_K_M`). Undefined when the name is not in the table or a part of the tag is not understood.
 */
export function parseOllamaTag(ref: string): OllamaTag | undefined {
  const at = ref.indexOf(':');
  const name = (at < 0 ? ref : ref.slice(0, at)).replace(/^library\//, '').toLowerCase();
  const tag = at < 0 ? 'latest' : ref.slice(at + 1);
  const entry = OLLAMA_BY_NAME.get(name);
  if (!entry || tag === '') return undefined;
  let size: string | undefined;
  let qualifier: string | undefined;
  let version: string | undefined;
  let variant: OllamaVariant | undefined;
  const quants: string[] = [];
  const qualifiers = [...new Set(entry.checkpoints.flatMap((c) => (c.qualifier ? [c.qualifier] : [])))];
  if (tag.toLowerCase() !== 'latest') {
    const tokens = tag.split('-');
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const t = token.toLowerCase();
      const named = entry.sizeNames?.[t];
      if (size === undefined && variant === undefined && version === undefined && quants.length === 0 && (/^(\d+x)?\d+(\.\d+)?[bm]$/.test(t) || named)) {
        size = named ?? t;
        // `3.8b-mini`: the size's own name may follow it.
        if (!named && entry.sizeNames?.[tokens[i + 1]?.toLowerCase() ?? ''] === size) i += 1;
        // A qualifier follows the size directly.
        const q = qualifiers.find((w) => tokens.slice(i + 1, i + 1 + w.split('-').length).join('-').toLowerCase() === w);
        if (q) {
          qualifier = q;
          i += q.split('-').length;
        }
      } else if (variant === undefined && quants.length === 0 && OLLAMA_VARIANT_WORDS[t]) variant = OLLAMA_VARIANT_WORDS[t];
      else if (version === undefined && quants.length === 0 && /^v\d+(\.\d+)*$/.test(t)) version = t;
      else if (/^(i?q\d(_[a-z0-9]+)*|fp16|fp32|bf16|f16|qat)$/.test(t)) quants.push(token);
      else return undefined;
    }
  }
  if (size === undefined && version !== undefined && entry.versionNeedsSize) return undefined;
  const wantSize = size ?? entry.default?.size;
  if (wantSize === undefined) return undefined;
  const wantVersion = version ?? (wantSize === entry.default?.size ? entry.default?.version : undefined);
  const wantVariant = variant ?? 'instruct';
  const checkpoint = entry.checkpoints.find((c) => c.size === wantSize && c.qualifier === qualifier && c.variant === wantVariant && (c.version === undefined || wantVersion === undefined || c.version === wantVersion));
  if (!checkpoint) return undefined;
  return { entry, checkpoint, ...(quants.length > 0 ? { quant: quants.join('-') } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Quantized and re-uploaded weights

/**
 * Organisations that re-publish other vendors' weights under the same repo name, quantized or as-is.
 * A fine-tune they publish has a different name, so it never matches a base checkpoint's repo name.
 */
export const REUPLOADERS: readonly string[] = ['thebloke', 'bartowski', 'unsloth', 'lmstudio-community', 'redhatai', 'neuralmagic', 'quantfactory', 'maziyarpanahi', 'mlx-community', 'second-state'];

/** Organisations that publish quantizations of others' models and also train their own: a quantization marker is required. */
export const MARKED_QUANTIZERS: readonly string[] = ['nvidia', 'amd', 'intel'];

/** Quantization markers at the end of a repo name: the format, and (weak) qualifiers that only count beside a format. */
const STRONG_MARKER = /^(awq|gptq|gguf|ggml|exl2|exl3|mlx|fp8|fp4|nvfp4|mxfp4|int4|int8|w4a16|w8a8|w8a16|w4a8|w4a4|bnb|\d+bit|i?q\d(_[a-z0-9]+)*|hqq|autoround|dwq|qat)$/;
const WEAK_MARKER = /^(dynamic|static|kv|block|unsloth|i1|imatrix|quantized|g\d+|gemm|gemv|marlin|f16|bf16|fp16|fp32|asym|sym|ov)$/;

const MARKER_NAMES: Record<string, string> = { awq: 'AWQ', gptq: 'GPTQ', gguf: 'GGUF', ggml: 'GGML', exl2: 'EXL2', exl3: 'EXL3', mlx: 'MLX', fp8: 'FP8', fp4: 'FP4', nvfp4: 'NVFP4', mxfp4: 'MXFP4', int4: 'Int4', int8: 'Int8', bnb: 'bitsandbytes', qat: 'QAT' };

/** A repo name without its quantization suffix, and the format it named; undefined when no format marker ends it. */
export function stripQuantization(name: string): { base: string; format: string } | undefined {
  let base = name;
  const formats: string[] = [];
  let strong = false;
  for (;;) {
    const m = /[-._]([a-z0-9_]+)$/i.exec(base);
    if (!m) break;
    const token = m[1]!.toLowerCase();
    if (STRONG_MARKER.test(token) || WEAK_MARKER.test(token)) {
      if (STRONG_MARKER.test(token)) {
        strong = true;
        formats.unshift(MARKER_NAMES[token] ?? m[1]!);
      }
      base = base.slice(0, m.index);
      continue;
    }
    break;
  }
  if (!strong || base === '' || base === name) return undefined;
  return { base, format: formats.join(' ') };
}

/**
 * The lookup key of a Hugging Face repo name: lower case, without Meta's "-hf" conversion suffix, and with
 * Meta's 2024 rename folded ("Meta-Llama-3.1-8B-Instruct" became "Llama-3.1-8B-Instruct").
 */
export function repoNameKey(name: string): string {
  return name.toLowerCase().replace(/-hf$/, '').replace(/^meta-llama-3/, 'llama-3');
}

/** A repo-name index entry: the model, its weights repo's org (lower case), and the repo as written. */
export interface RepoNameHit {
  id: string;
  org: string;
  repo: string;
}

/**
 * Builds the repo-name index: `unique`, one entry per name no two models share (a shared name resolves to
 * neither), and `shared`, the models behind each name several share.
 */
export function repoNameIndex(models: ModelsForSpelling): { unique: Map<string, RepoNameHit>; shared: Map<string, string[]> } {
  const found = new Map<string, RepoNameHit[]>();
  for (const id of Object.keys(models).sort()) {
    const m = models[id]!;
    if (!m.weights) continue;
    const org = m.weights.repo.slice(0, m.weights.repo.indexOf('/')).toLowerCase();
    const names = [m.weights.repo, ...m.aliases.filter((a) => /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(a) && a.slice(0, a.indexOf('/')).toLowerCase() === org)];
    for (const repo of names) {
      const key = repoNameKey(repo.slice(repo.indexOf('/') + 1));
      const hits = found.get(key) ?? [];
      if (!hits.some((h) => h.id === id)) found.set(key, [...hits, { id, org, repo }]);
    }
  }
  const unique = new Map<string, RepoNameHit>();
  const shared = new Map<string, string[]>();
  for (const [key, hits] of found) {
    if (hits.length === 1) unique.set(key, hits[0]!);
    else shared.set(key, hits.map((h) => h.id));
  }
  return { unique, shared };
}

type ModelsForSpelling = Record<string, { weights?: { repo: string }; aliases: string[] }>;

/** The index the rules use: the resolver's alias lookup, falling back to each model's own weights repo. */
export function createSpellingIndex(models: ModelsForSpelling, aliasLookup: (key: string) => string | undefined): SpellingIndex {
  const repos = new Map<string, string>();
  for (const id of Object.keys(models).sort()) {
    const repo = models[id]!.weights?.repo.toLowerCase();
    if (repo !== undefined && !repos.has(repo)) repos.set(repo, id);
  }
  const names = repoNameIndex(models);
  return { lookup: (key) => aliasLookup(key) ?? repos.get(key), byRepoName: names.unique, sharedRepoNames: names.shared };
}

/**
 * Reads `[hf.co/]org/Name[-quant][:quant]` as a re-upload of a registry checkpoint: the name without its
 * quantization suffix must be the base checkpoint's own repo name, and the org must be the base's own org,
 * a known re-uploader, or (with a quantization marker) a known quantizer. Anything else is no answer.
 */
export function readReupload(ref: string, index: SpellingIndex): { id: string; repo: string; format?: string; publisher?: string; marked: boolean } | undefined {
  let r = ref.trim().replace(/^(https?:\/\/)?(hf\.co|huggingface\.co)\//i, '');
  let tagQuant: string | undefined;
  const colon = r.lastIndexOf(':');
  if (colon > 0) {
    const tag = r.slice(colon + 1);
    if (!/^(i?q\d(_[a-z0-9]+)*|f16|bf16|fp16|fp32)$/i.test(tag)) return undefined;
    tagQuant = tag;
    r = r.slice(0, colon);
  }
  const parts = r.split('/');
  if (parts.length > 2) return undefined;
  const [org, name] = parts.length === 2 ? [parts[0]!, parts[1]!] : [undefined, parts[0]!];
  const stripped = stripQuantization(name);
  const base = stripped?.base ?? name;
  const hit = index.byRepoName.get(repoNameKey(base));
  if (!hit) return undefined;
  const format = [stripped?.format, tagQuant].filter((f): f is string => f !== undefined && f !== '').join(' ') || undefined;
  const marked = format !== undefined;
  const o = org?.toLowerCase();
  if (o === undefined) {
    if (!marked) return undefined;
  } else if (o === hit.org) {
    if (!marked) return undefined; // the base repo itself is an alias, not a re-upload
  } else if (MARKED_QUANTIZERS.includes(o)) {
    if (!marked) return undefined;
  } else if (!REUPLOADERS.includes(o)) {
    return undefined;
  }
  return { id: hit.id, repo: hit.repo, ...(format ? { format } : {}), ...(org !== undefined ? { publisher: org } : {}), marked };
}

// ---------------------------------------------------------------------------------------------------------
// The rules, in order

/**
 * The evidence a finding carries when its model id was read by a rule rather than matched as an alias:
 * an Ollama tag (cited to the library), a re-upload (read from the repo name alone: directional), an
 * OpenRouter variant. Plain provider paths carry none.
 */
export function spellingEvidence(spelling: Spelling | undefined, spec: string): Evidence | undefined {
  if (!spelling || spelling.rule === 'provider-path') return undefined;
  const subject = `model id "${spec}" · ${spelling.rule}`;
  if (spelling.source) {
    return { subject, summary: spelling.note, status: spelling.source.status, sources: [{ id: 'ollama-library', title: 'Ollama model library', url: spelling.source.url, where: spelling.source.where }] };
  }
  if (spelling.derivative) {
    return { subject, summary: `${spelling.note}: the base checkpoint's license chain applies; read from the repository name, not from its model card`, status: 'directional', sources: [] };
  }
  if (spelling.rule === 'served-name') {
    return { subject, summary: `${spelling.note}: a served name is chosen by whoever runs the server, so the model it serves is assumed, not stated`, status: 'directional', sources: [] };
  }
  return { subject, summary: `${spelling.note}; the variant changes the provider's routing and terms, not the model`, status: 'verified', sources: [] };
}

export type SpellingResolution = { id: string; matched: string; spelling: Spelling } | { unknown: true; spelling: Spelling };

/**
 * Tries the spelling rules on an id that no alias matched: provider paths, then the Ollama library (for
 * `ollama/`, `ollama_chat/` and bare library names), then quantized and re-uploaded weights, then served names
 * without an org behind `SERVED_NAME_PREFIXES`. Returns the
 * model and how it was read; `{unknown}` when a rule understood the id but the checkpoint it names is not
 * in the registry (say so instead of suggesting a sibling); undefined when no rule applies.
 */
export function resolveSpelling(spec: string, prefix: string | undefined, knownPrefixes: ReadonlySet<string>, index: SpellingIndex): SpellingResolution | undefined {
  const trimmed = spec.trim();
  const lower = trimmed.toLowerCase();
  const variant = openRouterVariant(lower);
  const first = prefix ?? (lower.includes('/') ? lower.slice(0, lower.indexOf('/')) : undefined);
  const hasPrefix = first !== undefined && knownPrefixes.has(first) && lower.startsWith(`${first}/`);
  const restRaw = hasPrefix ? trimmed.slice(first!.length + 1) : trimmed;
  const forms = hasPrefix ? providerForms(first!, restRaw.toLowerCase()) : [lower.replace(OPENROUTER_VARIANT, '')];

  // 1. Provider paths and variants: the decorated id names a registry alias once the decoration is gone.
  for (const form of forms) {
    const id = index.lookup(form);
    if (id) {
      const note = first === 'azure' && form.startsWith('azure_ai/') ? `read as ${id}: the deployment name is its Azure AI Foundry id (${form})` : `read as ${id} once the ${first ?? 'provider'} path is removed`;
      const spelling: Spelling = variantSpelling(lower, id) ?? { rule: 'provider-path', note };
      return { id, matched: form, spelling };
    }
  }

  // 1b. Catalogues that name a model by its Hugging Face repo name without the org: LiteLLM's GitHub Models route
  // ("Ignore company prefix: meta/Llama-3.2-11B-Vision-Instruct becomes model=github/Llama-3.2-11B-Vision-Instruct").
  if (hasPrefix && REPO_NAME_CATALOGUES.includes(first!) && !restRaw.includes('/')) {
    const hit = index.byRepoName.get(repoNameKey(restRaw));
    if (hit) return { id: hit.id, matched: restRaw, spelling: { rule: 'provider-path', note: `read as ${hit.id}: ${first}/ names models by their repository name without the org` } };
  }

  // 2. Ollama library tags.
  const ollamaRoute = hasPrefix ? first === 'ollama' || first === 'ollama_chat' : !lower.includes('/');
  if (ollamaRoute) {
    const ref = hasPrefix ? restRaw.replace(/^library\//i, '') : trimmed;
    const tag = parseOllamaTag(ref);
    if (tag) {
      const { checkpoint, entry, quant } = tag;
      const id = index.lookup(checkpoint.repo.toLowerCase());
      const what = `the Ollama library tag "${ref}" serves ${checkpoint.repo}`;
      const source = entry.source;
      if (!id) return { unknown: true, spelling: { rule: 'ollama-library', note: `${what}, which is not in the registry`, source } };
      // A float tag (`fp16`) is a conversion at full precision, not a quantization.
      const relation = quant && /^(fp16|fp32|bf16|f16)$/i.test(quant) ? ('re-upload' as const) : ('quantized' as const);
      const spelling: Spelling = quant
        ? { rule: 'ollama-library', note: `${what}; resolved as a ${relation === 'quantized' ? 'quantized re-upload' : 're-upload'} of ${id} (${quant})`, derivative: { relation, of: id, format: quant, publisher: 'ollama' }, source }
        : { rule: 'ollama-library', note: `${what} (${id})`, source };
      return { id, matched: checkpoint.repo, spelling };
    }
  }

  // 3. Quantized and re-uploaded weights.
  const hfRest = hasPrefix ? restRaw : trimmed;
  for (const candidate of [...new Set([hfRest, ...forms])]) {
    const re = readReupload(candidate, index);
    if (!re) continue;
    const by = re.publisher ? `, by ${re.publisher}` : '';
    const derivative = { relation: re.marked ? ('quantized' as const) : ('re-upload' as const), of: re.id, ...(re.format ? { format: re.format } : {}), ...(re.publisher ? { publisher: re.publisher } : {}) };
    const note = re.marked ? `resolved as a quantized re-upload of ${re.id} (${re.format}${by})` : `resolved as a re-upload of ${re.id}${by}`;
    // No org: a served name whoever runs the server chose, spelled like the base repo plus a quantization suffix.
    const assumed = re.publisher === undefined ? `it equals the Hugging Face repo name of ${re.repo} without the org, plus a quantization suffix (${re.format})` : undefined;
    return { id: re.id, matched: candidate, spelling: { rule: re.marked ? 'quantized' : 're-upload', note, derivative, ...(variant ? { variant } : {}), ...(assumed ? { assumed } : {}) } };
  }

  // 4. A served name without an org that is exactly one registry checkpoint's repo name ("hosted_vllm/qwen3-8b",
  // "azure/Kimi-K2.5"): read as that checkpoint, as an assumption, since whoever runs the server chose the name.
  if (hasPrefix && SERVED_NAME_PREFIXES.includes(first!)) {
    const name = forms.findLast((f) => !f.includes('/')) ?? '';
    const hit = /^[a-z0-9][a-z0-9_.-]*$/i.test(name) ? index.byRepoName.get(repoNameKey(name)) : undefined;
    if (hit) {
      const served = restRaw.slice(restRaw.length - name.length);
      return {
        id: hit.id,
        matched: served,
        spelling: { rule: 'served-name', note: `read as ${hit.id}: "${served}" is the Hugging Face repo name of ${hit.repo} without the org`, assumed: `it equals the Hugging Face repo name of ${hit.repo} without the org` },
      };
    }
  }
  return undefined;
}
