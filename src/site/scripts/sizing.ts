/**
 * <cl-sizing>: the sizing calculator. Reads /api/sizing.json once, runs src/sizing's sizeDeployment in the browser,
 * mirrors the inputs in the URL (so model cards can link to a prefilled calculation) and renders with textContent.
 */
import type { Gpu, Model, Precision } from '../../registry/index.ts';
import { own } from '../../registry/ids.ts';
import { cheapestApiPrice, sizeDeployment, type SizingRequest, type SizingResult } from '../../sizing/index.ts';

interface SizingData {
  models: Record<string, Pick<Model, 'name' | 'kind' | 'architecture' | 'routes'>>;
  gpus: Record<string, Gpu>;
}

const FIELDS = ['model', 'gpu', 'precision', 'kv', 'gpus', 'price', 'isl', 'osl', 'rps', 'peak', 'tpot', 'ttft', 'frontier'] as const;

const number = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const money = (n: number) => `$${number(n, n < 100 ? 2 : 0)}`;
const pct = (x: number) => `${x > 0 ? '+' : ''}${Math.round(x * 100)}%`;

class Sizing extends HTMLElement {
  #data: Promise<SizingData> | undefined;
  #form!: HTMLFormElement;

  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    this.#form = form;
    this.hidden = false;
    const params = new URLSearchParams(location.search);
    for (const name of FIELDS) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      const value = params.get(name);
      if (field && value !== null) field.value = value;
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(true);
    });
    if (params.has('model') || params.has('gpu')) void this.run(false);
  }

  #load(): Promise<SizingData> {
    this.#data ??= fetch(this.dataset.api ?? '/api/sizing.json').then((r) => {
      if (!r.ok) throw new Error(`could not load the model and GPU data (${r.status})`);
      return r.json() as Promise<SizingData>;
    });
    return this.#data;
  }

  #value(name: (typeof FIELDS)[number]): string {
    return ((this.#form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '').trim();
  }

  #num(name: (typeof FIELDS)[number]): number | undefined {
    const v = this.#value(name);
    return v === '' ? undefined : Number(v);
  }

  /** Sizes the deployment described by the form and renders the result. */
  async run(updateUrl: boolean): Promise<void> {
    const status = this.querySelector('.sz-status')!;
    const facts = this.querySelector('.sz-facts')!;
    const more = this.querySelector('.sz-more')!;
    facts.replaceChildren();
    more.replaceChildren();
    if (updateUrl) {
      const q = new URLSearchParams();
      for (const name of FIELDS) if (this.#value(name) !== '') q.set(name, this.#value(name));
      history.replaceState(null, '', `${location.pathname}?${q}`);
    }
    const data = await this.#load();
    const modelId = this.#value('model');
    const gpuId = this.#value('gpu');
    const model = own(data.models, modelId);
    const gpu = own(data.gpus, gpuId);
    if (!model?.architecture || !gpu) {
      status.textContent = !model?.architecture ? `No architecture is recorded for "${modelId}", so it cannot be sized.` : `Unknown GPU "${gpuId}".`;
      return;
    }
    const isl = this.#num('isl') ?? 1000;
    const osl = this.#num('osl') ?? 500;
    const rps = this.#num('rps');
    const request: SizingRequest = {
      model: { id: modelId, name: model.name, architecture: model.architecture },
      gpu: { ...gpu, id: gpuId },
      workload: { isl, osl },
    };
    if (this.#value('precision')) request.precision = this.#value('precision') as Precision;
    if (this.#value('kv')) request.kvPrecision = this.#value('kv') as 'bf16' | 'fp8';
    if (this.#num('gpus') !== undefined) request.gpus = this.#num('gpus')!;
    if (this.#num('price') !== undefined) request.gpuHourUsd = this.#num('price')!;
    if (rps !== undefined && rps > 0) request.workload.requestsPerSecond = rps;
    if (this.#num('peak') !== undefined) request.workload.peakFactor = this.#num('peak')!;
    if (this.#num('tpot') !== undefined) request.workload.tpotMs = this.#num('tpot')!;
    if (this.#num('ttft') !== undefined) request.workload.ttftMs = this.#num('ttft')!;
    const own = cheapestApiPrice(model as Model, isl, osl);
    if (own) request.apiPrice = own;
    const frontier = own(data.models, this.#value('frontier'));
    const frontierPrice = frontier ? cheapestApiPrice(frontier as Model, isl, osl) : undefined;
    if (frontierPrice) request.frontierPrice = { ...frontierPrice, label: `${frontier!.name}: ${frontierPrice.label}` };
    let result: SizingResult;
    try {
      result = sizeDeployment(request);
    } catch (error) {
      status.textContent = `Cannot size this: ${(error as Error).message}`;
      return;
    }
    this.#render(result, status, facts, more);
  }

  #render(r: SizingResult, status: Element, facts: Element, more: Element): void {
    status.textContent = r.fits
      ? `${r.model.name} on ${r.gpu.name}: ${r.gpus} GPU${r.gpus === 1 ? '' : 's'} (${r.replicas} × ${r.gpusPerReplica}, ${r.layoutLabel}) in ${r.nodes} node${r.nodes === 1 ? '' : 's'}.`
      : `Does not fit: ${r.reasons.join('; ')}`;
    status.className = `sz-status callout ${r.fits ? 'ok' : 'bad'}`;
    const rows: [string, string][] = [];
    if (r.fits) {
      rows.push(['GPUs', String(r.gpus)], ['Layout per replica', `${r.layoutLabel} on ${r.gpusPerReplica} GPU${r.gpusPerReplica === 1 ? '' : 's'}`], ['Replicas', String(r.replicas)], ['Nodes (8 GPUs each)', String(r.nodes)]);
    }
    rows.push(
      ['Precision', `weights ${r.precision.toUpperCase()}${r.expertPrecision ? ` (experts ${r.expertPrecision.toUpperCase()})` : ''}, KV cache ${r.kvPrecision.toUpperCase()}, engine ${r.engine}`],
      ['Weights', `${number(r.weightsGib, 1)} GiB in total, ${number(r.weightsGibPerGpu, 1)} GiB per GPU`],
      ['KV cache', `${number(r.kvGibPerGpu, 1)} GiB per GPU, ${number(r.kvBytesPerToken / 1024, 1)} KiB per token, ${number(r.maxConcurrency, 1)} concurrent requests per replica`],
    );
    if (r.fits) {
      rows.push(['Throughput per replica', `${number(r.throughputOutputTokensPerSecond)} output tokens/s at batch ${r.batch}${r.batchLimitedBy ? ` (limited by ${r.batchLimitedBy})` : ''}, ${r.bound ?? ''}-bound`]);
      if (r.tpotMs !== null) rows.push(['Time per output token', `${number(r.tpotMs, 1)} ms`]);
      if (r.ttftMs !== null) rows.push(['Time to first token (idle)', `${number(r.ttftMs)} ms`]);
      if (r.load) rows.push(['Load', `${number(r.load.meanRequestsPerSecond, 2)} req/s mean, ${number(r.load.peakRequestsPerSecond, 2)} at peak, ${number(r.load.outputTokensPerMonth / 1e6, 1)}M output tokens a month`]);
      if (r.cost) rows.push(['Cost', `${money(r.cost.perMonthUsd)} a month, ${money(r.cost.perMillionOutputTokensUsd)} per 1M output tokens (${r.cost.basis === 'workload' ? 'at this workload' : 'at full load'}; GPU-hour ${money(r.cost.gpuHourUsd)}: ${r.cost.gpuHourSource})`]);
      for (const b of r.breakEven) {
        rows.push([`Break-even vs ${b.against}`, b.outputTokensPerMonth === null ? `never at this workload (API ${money(b.apiUsdPerMillionOutputTokens)} per 1M output tokens). ${b.note}` : `${number(b.outputTokensPerMonth / 1e6, 1)}M output tokens a month (API ${money(b.apiUsdPerMillionOutputTokens)} per 1M). ${b.note}`]);
      }
      rows.push(['Expected error', `throughput ${pct(r.expectedError.low)} to ${pct(r.expectedError.high)} (efficiency ${r.efficiency.basis}${r.efficiency.points ? ` on ${r.efficiency.points} measurements` : ""} for ${r.efficiency.kind} models on ${r.efficiency.family})`]);
    }
    for (const [dt, dd] of rows) {
      const t = document.createElement('dt');
      t.textContent = dt;
      const d = document.createElement('dd');
      d.textContent = dd;
      facts.append(t, d);
    }
    if (r.assumptions.length) {
      const h = document.createElement('h3');
      h.textContent = 'Assumptions';
      const ul = document.createElement('ul');
      ul.className = 'small';
      for (const a of r.assumptions) {
        const li = document.createElement('li');
        li.textContent = a;
        ul.append(li);
      }
      more.append(h, ul);
    }
    if (r.alternatives.length) {
      const h = document.createElement('h3');
      h.textContent = 'Layouts tried';
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const label of ['Layout', 'GPUs', 'Fits', 'Weights/GPU (GiB)', 'KV/GPU (GiB)', 'Concurrency', 'Tokens/s']) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = label;
        head.append(th);
      }
      const body = table.createTBody();
      for (const a of r.alternatives) {
        const row = body.insertRow();
        for (const v of [a.layout, String(a.gpus), a.fits ? 'yes' : `no${a.reason ? `: ${a.reason}` : ''}`, number(a.weightsGibPerGpu, 1), number(a.kvGibPerGpu, 1), number(a.maxConcurrency, 1), a.outputTokensPerSecond === undefined ? '—' : number(a.outputTokensPerSecond)]) {
          row.insertCell().textContent = v;
        }
      }
      const wrap = document.createElement('div');
      wrap.className = 'table-wrap';
      wrap.append(table);
      more.append(h, wrap);
    }
  }
}

customElements.define('cl-sizing', Sizing);
