/**
 * <cl-playground>: lints a router config in the browser with src/policy, the engine behind `clearance lint`.
 * The registry comes from the site's own /api/registry.json; policies and example configs from /api/.
 * Everything is rendered with textContent only; nothing the user pastes leaves the page (the share link keeps
 * the config in the URL fragment, which browsers never send to a server).
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { judgeRoutes, type RouteVerdict } from '../../policy/allowlist.ts';
import { evaluate, lintText, parsePolicy, type LoadedPolicy, type ParsedConfig, type PolicyFinding } from '../../policy/index.ts';
import { withNullPrototypes, type RegistryBundle } from '../../registry/registry.ts';
import { buildResult, formatJson, formatMarkdown, formatSarif } from '../../report/index.ts';
import { deflate, inflate, MAX_SHARE_CHARS, parseUserCount } from './playground-lib.ts';

// The CSP forbids eval; tell zod not to probe for it (it would log a CSP violation, then fall back anyway).
z.config({ jitless: true });


const EXPORTS = {
  markdown: { render: formatMarkdown, file: 'clearance-report.md', type: 'text/markdown' },
  sarif: { render: formatSarif, file: 'clearance-report.sarif.json', type: 'application/sarif+json' },
  json: { render: formatJson, file: 'clearance-report.json', type: 'application/json' },
} as const;

/** The organisation form's whole-number fields and what their help line says. */
const COUNT_FIELDS = {
  mau: { help: 'Thousands separators are fine.', invalid: 'Write a whole number of users, such as 5,000,000.' },
  revenue: { help: "The whole company's, from any source: some licenses end above a revenue.", invalid: 'Write a whole number of US dollars, such as 25,000,000.' },
} as const;
type CountField = keyof typeof COUNT_FIELDS;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

interface Linted {
  policy?: LoadedPolicy;
  findings: PolicyFinding[];
  configs: ParsedConfig[];
  exitCode: 0 | 1 | 2;
  today: string;
}

class Playground extends HTMLElement {
  #bundle: Promise<RegistryBundle> | undefined;
  #config!: HTMLTextAreaElement;
  #policyText!: HTMLTextAreaElement;
  #policySelect!: HTMLSelectElement;
  #example!: HTMLSelectElement;
  /** The text the config box held when an example was last loaded: anything else is the user's own work. */
  #loaded = '';
  #last: Linted | undefined;

  connectedCallback(): void {
    const q = <T extends Element>(selector: string) => this.querySelector<T>(selector);
    const form = q<HTMLFormElement>('form');
    const config = q<HTMLTextAreaElement>('textarea[name=config]');
    const policyText = q<HTMLTextAreaElement>('textarea[name=policyText]');
    const policySelect = q<HTMLSelectElement>('select[name=policy]');
    const example = q<HTMLSelectElement>('select[name=example]');
    if (!form || !config || !policyText || !policySelect || !example) return;
    this.#config = config;
    this.#policyText = policyText;
    this.#policySelect = policySelect;
    this.#example = example;
    this.hidden = false;
    const today = q<HTMLInputElement>('input[name=today]');
    if (today) today.value = new Date().toISOString().slice(0, 10);

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.lint();
    });
    // Ctrl+Enter / Cmd+Enter lints from anywhere in the form, as in most code playgrounds.
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.lint();
      }
    });
    let previous = example.value;
    example.addEventListener('focus', () => (previous = example.value));
    example.addEventListener('change', () => {
      const choice = example.value;
      // Keyboard users move through a closed select with arrow keys, and each step fires "change": never let
      // that replace work the user pasted without asking.
      if (choice && this.#edited() && !confirm(`Replace the config you entered with “${example.selectedOptions[0]?.textContent ?? choice}”?`)) {
        example.value = previous;
        return;
      }
      previous = choice;
      void this.#loadExample(choice);
    });
    q<HTMLInputElement>('input[name=file]')?.addEventListener('change', async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) this.#setConfig(await file.text());
    });
    policySelect.addEventListener('change', () => void this.#loadPolicy().then(() => this.#syncOrganisation()));
    policyText.addEventListener('input', () => {
      policySelect.value = 'custom';
      this.#syncOrganisation();
    });
    for (const name of ['domicile', 'mau', 'revenue', 'trains', 'distributes']) q(`[name=${name}]`)?.addEventListener('change', () => this.#writeOrganisation());
    for (const name of Object.keys(COUNT_FIELDS)) q(`[name=${name}]`)?.addEventListener('input', () => this.#checkCount(name as CountField));
    q('button[name=preset-eu]')?.addEventListener('click', () => {
      this.#field('domicile').value = 'DE';
      this.#field('mau').value = '5,000,000';
      this.#writeOrganisation();
    });
    q('button[name=share]')?.addEventListener('click', () => void this.#share());
    for (const button of this.querySelectorAll<HTMLButtonElement>('.pg-export button[data-format]')) {
      button.addEventListener('click', () => this.#download(button.dataset.format as keyof typeof EXPORTS));
    }
    void this.#start();
  }

  /** What the page opens with: a shared config (URL fragment), a rule's example, a router, or the LiteLLM example. */
  async #start(): Promise<void> {
    const policyLoaded = this.#loadPolicy().then(() => this.#syncOrganisation());
    const params = new URLSearchParams(location.search);
    const shared = new URLSearchParams(location.hash.slice(1)).get('config');
    const rule = params.get('rule');
    const router = params.get('router');
    if (shared) {
      try {
        const text = await inflate(shared);
        this.#setConfig(text, false);
        await policyLoaded;
        return this.lint();
      } catch {
        this.#status('The shared link is damaged; the config could not be read from it.');
      }
    }
    if (rule) {
      const template = [...this.querySelectorAll<HTMLTemplateElement>('template.example-rule')].find((t) => t.dataset.rule === rule);
      if (template) {
        this.#setConfig(template.content.textContent ?? '');
        await policyLoaded;
        return this.lint();
      }
    }
    if (router && /^[a-z0-9][a-z0-9._-]*$/.test(router)) {
      this.#example.value = `router:${router}`;
      await Promise.all([policyLoaded, this.#loadExample(`router:${router}`)]);
      return this.lint();
    }
    const litellm = this.querySelector<HTMLTemplateElement>('template.example-litellm')?.content.textContent ?? '';
    if (!this.#config.value && litellm) this.#setConfig(litellm);
  }

  #edited(): boolean {
    return this.#config.value.trim() !== '' && this.#config.value !== this.#loaded;
  }

  #setConfig(text: string, pristine = true): void {
    this.#config.value = text;
    this.#loaded = pristine ? text : '';
  }

  async #loadExample(value: string): Promise<void> {
    if (value === 'litellm') {
      this.#setConfig(this.querySelector<HTMLTemplateElement>('template.example-litellm')?.content.textContent ?? '');
    } else if (value.startsWith('router:')) {
      const response = await fetch(`${this.dataset.routers}${value.slice('router:'.length)}.yaml`);
      if (response.ok) this.#setConfig(await response.text());
    }
  }

  async #loadPolicy(): Promise<void> {
    const id = this.#policySelect.value;
    if (id === 'custom') return;
    const response = await fetch(`${this.dataset.policies}${id}.yaml`);
    if (response.ok) this.#policyText.value = await response.text();
  }

  #field(name: string): HTMLInputElement | HTMLSelectElement {
    return this.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
  }

  /** A whole-number field (users, dollars): any thousands separator is read, a decimal is refused. */
  #checkCount(name: CountField): boolean {
    const input = this.#field(name) as HTMLInputElement;
    const help = this.querySelector(`.pg-${name}-help`);
    const ok = input.value.trim() === '' || parseUserCount(input.value) !== undefined;
    input.setAttribute('aria-invalid', String(!ok));
    if (help) help.textContent = ok ? COUNT_FIELDS[name].help : COUNT_FIELDS[name].invalid;
    return ok;
  }

  #checkCounts(): boolean {
    return (Object.keys(COUNT_FIELDS) as CountField[]).map((name) => this.#checkCount(name)).every(Boolean);
  }

  /** The form's answers written into the policy YAML's organization section; the rest of the policy is kept. */
  #writeOrganisation(): void {
    if (!this.#checkCounts()) return;
    const doc = parseDocument(this.#policyText.value || 'name: My policy\n');
    if (doc.errors.length > 0) {
      this.#status('The policy text has a YAML error; fix it before using the organisation form.');
      return;
    }
    const set = (key: string, value: unknown) => (value === undefined ? doc.deleteIn(['organization', key]) : doc.setIn(['organization', key], value));
    const bool = (v: string) => (v === '' ? undefined : v === 'true');
    set('domicile', this.#field('domicile').value || undefined);
    set('monthly_active_users', parseUserCount(this.#field('mau').value));
    set('annual_revenue_usd', parseUserCount(this.#field('revenue').value));
    set('trains_on_outputs', bool(this.#field('trains').value));
    set('distributes', bool(this.#field('distributes').value));
    this.#policyText.value = doc.toString();
    this.#policySelect.value = 'custom';
  }

  /** The form shows what the policy text says, so the two never disagree. */
  #syncOrganisation(): void {
    const doc = parseDocument(this.#policyText.value);
    if (doc.errors.length > 0) return;
    const org = (doc.toJS() as { organization?: Record<string, unknown> } | null)?.organization ?? {};
    const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    this.#field('domicile').value = typeof org.domicile === 'string' ? org.domicile : '';
    this.#field('mau').value = typeof org.monthly_active_users === 'number' ? org.monthly_active_users.toLocaleString('en-US') : '';
    this.#field('revenue').value = typeof org.annual_revenue_usd === 'number' ? org.annual_revenue_usd.toLocaleString('en-US') : '';
    this.#field('trains').value = text(org.trains_on_outputs);
    this.#field('distributes').value = text(org.distributes);
    this.#checkCounts();
  }

  #registry(): Promise<RegistryBundle> {
    this.#bundle ??= fetch(this.dataset.registry ?? '/api/registry.json').then((r) => {
      if (!r.ok) throw new Error(`could not load the registry (${r.status})`);
      // JSON tables inherit Object.prototype; the linter gets tables where "constructor" names nothing.
      return (r.json() as Promise<RegistryBundle>).then((b) => ({ ...b, registry: withNullPrototypes(b.registry) }));
    });
    return this.#bundle;
  }

  #status(text: string): void {
    const status = this.querySelector('.pg-share-status');
    if (status) status.textContent = text;
  }

  #run(bundle: RegistryBundle, configs?: ParsedConfig[]): Linted {
    const policyFile = this.#policySelect.value === 'custom' ? 'policy.yaml' : `content/policies/${this.#policySelect.value}.yaml`;
    const policy = parsePolicy(policyFile, this.#policyText.value);
    const today = this.querySelector<HTMLInputElement>('input[name=today]')?.value || this.dataset.today || new Date().toISOString().slice(0, 10);
    if (!policy.policy) return { findings: policy.findings as PolicyFinding[], configs: [], exitCode: 2, today };
    if (configs) {
      const findings = evaluate(configs, bundle.registry, policy.policy, today);
      const exitCode = findings.some((f) => f.severity === 'error') ? 1 : 0;
      return { policy: policy.policy, findings, configs, exitCode, today };
    }
    const outcome = lintText('router.yaml', this.#config.value, bundle.registry, policy.policy, today);
    return { policy: policy.policy, findings: outcome.findings, configs: outcome.configs, exitCode: outcome.exitCode, today };
  }

  /** Runs the linter and renders the verdict, the routes and the findings. */
  async lint(configs?: ParsedConfig[]): Promise<void> {
    const summary = this.querySelector('.pg-summary')!;
    const list = this.querySelector('ol.findings')!;
    summary.textContent = 'Linting…';
    for (const part of this.querySelectorAll<HTMLElement>('.pg-routes, .pg-residency, .pg-export, .pg-findings-h')) part.hidden = true;
    list.replaceChildren();
    const bundle = await this.#registry();
    const linted = this.#run(bundle, configs);
    this.#last = linted;
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of linted.findings) counts[f.severity]++;
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    const verdict =
      linted.exitCode === 0
        ? `Passes: no errors (${n(counts.warning, 'warning')}, ${n(counts.info, 'note')}).`
        : linted.exitCode === 1
          ? `Fails: ${n(counts.error, 'error')} must be fixed or waived (${n(counts.warning, 'warning')}, ${n(counts.info, 'note')}).`
          : 'Could not read the config or the policy: see the errors below.';
    summary.textContent = verdict;
    summary.className = `pg-summary callout ${linted.exitCode === 0 ? 'ok' : 'bad'}`;
    if (linted.policy && linted.configs.length > 0) {
      this.#routes(judgeRoutes(linted.configs, bundle.registry, linted.policy, linted.today));
      this.#residency(linted);
      this.querySelector<HTMLElement>('.pg-export')!.hidden = false;
    }
    const heading = this.querySelector<HTMLElement>('.pg-findings-h');
    if (heading) heading.hidden = linted.findings.length === 0;
    // Errors first, then warnings, then notes: the order a reviewer acts in.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    list.replaceChildren(...[...linted.findings].sort((a, b) => rank[a.severity] - rank[b.severity]).map((f) => this.#finding(f)));
  }

  /** Every route with its verdict and the clause that decides it. */
  #routes(verdicts: readonly RouteVerdict[]): void {
    const box = this.querySelector<HTMLElement>('.pg-routes')!;
    const table = el('table', undefined, 'pg-route-table');
    table.append(el('caption', `Every route (${verdicts.length}), as the gateway would reach it`));
    const head = el('tr');
    for (const h of ['Tier', 'Model as written', 'Resolved as', 'Reached through', 'Verdict', 'What decides it']) head.append(Object.assign(el('th', h), { scope: 'col' }));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const v of verdicts) {
      const row = el('tr');
      row.dataset.verdict = v.allowed ? 'pass' : 'fail';
      const deciding = v.blocking[0];
      const badge = el('span', v.allowed ? (v.expires ? `passes until ${v.expires}` : 'passes') : 'fails', `badge ${v.allowed ? 'ok' : 'bad'}`);
      const verdictCell = el('td');
      verdictCell.append(badge);
      const why = el('td');
      if (deciding) {
        const code = el('a');
        code.href = `${this.dataset.rules ?? '/rules/'}${deciding.code}/`;
        code.append(el('code', deciding.code));
        why.append(code, ` ${deciding.message}`);
        const clause = deciding.evidence[0];
        if (clause?.quote) why.append(el('q', clause.quote, 'small'));
        if (v.blocking.length > 1) why.append(el('span', ` (and ${v.blocking.length - 1} more)`, 'small muted'));
      } else why.append(v.expires ? 'allowed by a waiver' : 'nothing blocks it');
      row.append(el('td', v.route.tier), el('td', v.route.spec), el('td', v.model ?? 'unknown model'), el('td', v.provider === 'unknown' ? 'unknown host' : `${v.provider} (${v.relationship})`), verdictCell, why);
      table.tBodies[0]!.append(row);
    }
    box.replaceChildren(table);
    box.hidden = false;
  }

  /** Tier requirements bind tagged routes only: say so when no route carries their tags, and offer to apply them. */
  #residency(linted: Linted): void {
    const box = this.querySelector<HTMLElement>('.pg-residency')!;
    const requirements = linted.policy?.policy.tier_requirements ?? [];
    const tags = [...new Set(requirements.map((r) => r.tag))];
    const tagged = linted.configs.some((c) => c.tiers.some((t) => t.tags.some((tag) => tags.includes(tag))));
    if (tags.length === 0 || tagged) {
      box.hidden = true;
      return;
    }
    const p = el('p', `The policy's tier requirements (${tags.join(', ')}: hosting, regions, certifications) apply only to tiers tagged with them, and no route in this config is tagged, so residency was not checked. `);
    const button = el('button', `Apply them to every route`, 'secondary small');
    button.type = 'button';
    button.addEventListener('click', () => {
      const configs = linted.configs.map((c) => ({ ...c, tiers: c.tiers.map((t) => ({ ...t, tags: [...new Set([...t.tags, ...tags])] })) }));
      void this.lint(configs);
    });
    p.append(button);
    box.replaceChildren(p);
    box.className = 'pg-residency callout warn';
    box.hidden = false;
  }

  #download(format: keyof typeof EXPORTS): void {
    const linted = this.#last;
    if (!linted) return;
    const spec = EXPORTS[format];
    const result = buildResult({ version: 'playground', files: ['router.yaml'], configs: linted.configs, findings: linted.findings, exitCode: linted.exitCode, policy: this.#policySelect.value, today: linted.today });
    const link = el('a');
    link.href = URL.createObjectURL(new Blob([spec.render(result)], { type: spec.type }));
    link.download = spec.file;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  async #share(): Promise<void> {
    const encoded = await deflate(this.#config.value);
    const link = `${location.origin}${location.pathname}#config=${encoded}`;
    if (link.length > MAX_SHARE_CHARS) {
      this.#status(`This config is too large for a share link (${Math.ceil(link.length / 1000)} KB compressed; the limit is ${MAX_SHARE_CHARS / 1000} KB). Download the report or send the file instead.`);
      return;
    }
    history.replaceState(null, '', link);
    try {
      await navigator.clipboard.writeText(link);
      this.#status('Share link copied. The config travels in the link itself and is never sent to a server.');
    } catch {
      this.#status('Share link is in the address bar (the clipboard was not available). The config travels in the link itself.');
    }
  }

  /** The hint, with its "See /rules/<code>/" pointer as a link to the rule page (under the site base). */
  #hint(hint: string): HTMLParagraphElement {
    const p = el('p', undefined, 'small muted');
    for (const part of hint.split(/(\/rules\/[a-z0-9-]+\/[a-z0-9-]+\/)/)) {
      const code = /^\/rules\/([a-z0-9-]+\/[a-z0-9-]+)\/$/.exec(part)?.[1];
      if (!code) {
        p.append(part);
        continue;
      }
      const link = el('a', part);
      link.href = `${this.dataset.rules ?? '/rules/'}${code}/`;
      p.append(link);
    }
    return p;
  }

  #finding(f: PolicyFinding): HTMLLIElement {
    const li = el('li');
    li.dataset.code = f.code;
    li.dataset.severity = f.severity;
    const head = el('p');
    head.append(el('span', f.severity === 'info' ? 'note' : f.severity, `badge ${f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'neutral'}`), ' ');
    const code = el('a');
    code.href = `${this.dataset.rules ?? '/rules/'}${f.code}/`;
    code.append(el('code', f.code));
    head.append(code, ' ');
    const where = el('button', `line ${f.line}, column ${f.column}${f.file === 'router.yaml' ? '' : ` of the policy`}`, 'secondary small');
    where.type = 'button';
    where.title = 'Select this line';
    where.addEventListener('click', () => this.#select(f.line, f.column, f.file));
    head.append(where);
    if (f.tier) head.append(` · tier ${f.tier}`);
    li.append(head, el('p', f.message));
    if (f.hint) li.append(this.#hint(f.hint));
    if (f.evidence.length) {
      const ev = el('ul', undefined, 'small');
      for (const e of f.evidence) {
        const item = el('li', `${e.subject}: ${e.summary} `);
        item.append(el('span', e.status, `badge status-${e.status}`));
        for (const s of e.sources) {
          item.append(' ');
          if (s.url) {
            const a = el('a', s.title ?? s.id);
            a.href = s.url;
            a.rel = 'noopener noreferrer';
            item.append(a);
          } else item.append(el('span', s.title ?? s.id));
          if (s.where) item.append(` (${s.where})`);
        }
        ev.append(item);
      }
      li.append(ev);
    }
    return li;
  }

  #select(line: number, column: number, file: string): void {
    const area = file === 'router.yaml' ? this.#config : this.#policyText;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
    const end = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) - 1;
    if (area === this.#policyText) area.closest('details')?.setAttribute('open', '');
    area.focus();
    area.setSelectionRange(start, Math.max(start, end));
  }
}

customElements.define('cl-playground', Playground);
