/**
 * <cl-sizing>: the sizing calculator. Reads /api/sizing.json once, runs src/sizing's sizeDeployment in the browser,
 * mirrors the inputs in the URL (so model cards can link to a prefilled calculation) and renders with textContent.
 */
import type { Model } from '../../registry/index.ts';
import { CALCULATOR_FIELDS as FIELDS, calculatorRequest, cheapestApiPrice, compareGpus, sizeDeployment, type CalculatorData as SizingData, type SizingRequest, type SizingResult } from '../../sizing/index.ts';

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
    form.querySelector('button[name=compare]')?.addEventListener('click', () => void this.run(true, true));
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


  /** Sizes the deployment described by the form and renders the result. */
  async run(updateUrl: boolean, compare = false): Promise<void> {
    const status = this.querySelector('.sz-status')!;
    const facts = this.querySelector('.sz-facts')!;
    const more = this.querySelector('.sz-more')!;
    const table = this.querySelector('.sz-compare')!;
    // A new answer, or an error, never leaves the previous one on screen.
    facts.replaceChildren();
    more.replaceChildren();
    table.replaceChildren();
    if (updateUrl) {
      const q = new URLSearchParams();
      for (const name of FIELDS) if (this.#value(name) !== '') q.set(name, this.#value(name));
      history.replaceState(null, '', `${location.pathname}?${q}`);
    }
    const data = await this.#load();
    // Every value, from the form or a shared link, is checked before sizing (the same limits as the CLI).
    const input = calculatorRequest((name) => this.#value(name), data);
    if (!input.ok) {
      status.textContent = `Cannot size this: ${input.errors.join('; ')}.`;
      status.className = 'sz-status callout bad';
      return;
    }
    const request: SizingRequest = input.request;
    const { isl, osl } = request.workload;
    const model = data.models[request.model.id]!;
    const own = cheapestApiPrice(model as Model, isl, osl);
    if (own) request.apiPrice = own;
    const frontier = input.frontier ? data.models[input.frontier] : undefined;
    const frontierPrice = frontier ? cheapestApiPrice(frontier as Model, isl, osl) : undefined;
    if (frontierPrice) request.frontierPrice = { ...frontierPrice, label: `${frontier!.name}: ${frontierPrice.label}` };
    let result: SizingResult;
    try {
      result = sizeDeployment(request);
    } catch (error) {
      const hint = (error as { hint?: string }).hint;
      status.textContent = `Cannot size this: ${(error as Error).message}${hint ? `. ${hint}` : ''}`;
      status.className = 'sz-status callout bad';
      return;
    }
    this.#render(result, status, facts, more);
    if (compare) this.#compare(request, data, table);
  }

  /** The same workload on every GPU of the catalog, cheapest a month first. */
  #compare(request: SizingRequest, data: SizingData, box: Element): void {
    const rows = compareGpus(request, data.gpus);
    const h = document.createElement('h3');
    h.textContent = `Every GPU for this workload (${rows.length}), cheapest a month first`;
    const table = document.createElement('table');
    table.className = 'sz-compare-table';
    const head = table.createTHead().insertRow();
    for (const label of ['GPU', 'GPUs', 'Layout per replica', 'Tokens/s per replica', 'TPOT (ms)', 'TTFT (ms)', '$ a month', '$ / 1M output']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.append(th);
    }
    const body = table.createTBody();
    for (const r of rows) {
      const row = body.insertRow();
      row.dataset.gpu = r.gpuId;
      const res = r.result;
      const cells = !res
        ? [r.gpuName, `cannot size: ${r.error ?? ''}`]
        : !res.fits
          ? [r.gpuName, `does not fit: ${res.reasons[0] ?? ''}`]
          : [
              r.gpuName,
              String(res.gpus),
              `${res.replicas} × ${res.layoutLabel}`,
              number(res.throughputOutputTokensPerSecond),
              res.tpotMs === null ? '—' : number(res.tpotMs, 1),
              res.ttftMs === null ? '—' : number(res.ttftMs),
              res.cost ? money(res.cost.perMonthUsd) : 'no price: give one',
              res.cost ? money(res.cost.perMillionOutputTokensUsd) : '—',
            ];
      cells.forEach((text, i) => {
        const cell = i === 0 ? document.createElement('th') : row.insertCell();
        if (i === 0) {
          (cell as HTMLTableCellElement).scope = 'row';
          row.append(cell);
        }
        cell.textContent = text;
        if (cells.length === 2 && i === 1) (cell as HTMLTableCellElement).colSpan = 7;
      });
    }
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    wrap.append(table);
    box.append(h, wrap);
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
      rows.push(['Layout choice', r.layoutChoice.rule]);
      if (r.tpotMs !== null) rows.push(['Time per output token', `${number(r.tpotMs, 1)} ms mean${r.p99 ? `, ${number(r.p99.tpotMs, 1)} ms p99` : ''}`]);
      if (r.ttftMs !== null) rows.push(['Time to first token', `${number(r.ttftMs)} ms on an idle replica${r.p99 ? `, ${number(r.p99.ttftMs)} ms p99 with queueing` : ''}`]);
      if (r.node) rows.push(['This node or cluster', `${r.node.totalGpus} GPUs: ${r.node.replicas} × ${r.layoutLabel} serve ${number(r.node.outputTokensPerSecond)} output tokens/s, ${number(r.node.requestsPerSecond, 2)} requests/s`]);
      if (r.load) rows.push(['Load', `${number(r.load.meanRequestsPerSecond, 2)} req/s mean, ${number(r.load.peakRequestsPerSecond, 2)} at peak, ${number(r.load.outputTokensPerMonth / 1e6, 1)}M output tokens a month`]);
      if (r.cost) rows.push(['Cost', `${money(r.cost.perMonthUsd)} a month, ${money(r.cost.perMillionOutputTokensUsd)} per 1M output tokens (${r.cost.basis === 'workload' ? 'at this workload' : 'at full load'}; GPU-hour ${money(r.cost.gpuHourUsd)}: ${r.cost.gpuHourSource})`]);
      for (const b of r.breakEven) {
        rows.push([`Break-even vs ${b.against}`, b.outputTokensPerMonth === null ? `never at this workload (API ${money(b.apiUsdPerMillionOutputTokens)} per 1M output tokens). ${b.note}` : `${number(b.outputTokensPerMonth / 1e6, 1)}M output tokens a month (API ${money(b.apiUsdPerMillionOutputTokens)} per 1M). ${b.note}`]);
      }
      rows.push(['Expected error', `throughput ${pct(r.expectedError.low)} to ${pct(r.expectedError.high)} (efficiency ${r.efficiency.basis}, group ${r.efficiency.group}${r.efficiency.points ? `, ${r.efficiency.points} fitted and ${r.efficiency.heldOutPoints} held-out measurements` : ''}${r.efficiency.thin ? '; wide because the data are thin' : ''})`]);
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
      for (const label of ['Layout', 'GPUs', 'Fits', 'Weights/GPU (GiB)', 'KV/GPU (GiB)', 'Concurrency', 'Batch', 'Tokens/s', 'TPOT (ms)', 'TTFT (ms)', 'Replicas']) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = label;
        head.append(th);
      }
      const body = table.createTBody();
      for (const a of r.alternatives) {
        const row = body.insertRow();
        const dash = (v: number | undefined, digits = 0) => (v === undefined ? '—' : number(v, digits));
        const label = `${a.layout}${a.chosen ? ' (chosen)' : a.selectable ? '' : ' (not default)'}`;
        for (const v of [label, String(a.gpus), a.fits ? 'yes' : `no${a.reason ? `: ${a.reason}` : ''}`, number(a.weightsGibPerGpu, 1), number(a.kvGibPerGpu, 1), number(a.maxConcurrency, 1), dash(a.batch), dash(a.outputTokensPerSecond), dash(a.tpotMs, 1), dash(a.ttftMs), dash(a.replicas)]) {
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
