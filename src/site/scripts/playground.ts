/**
 * <cl-playground>: lints a router config in the browser with src/policy, the engine behind `clearance lint`.
 * The registry comes from the site's own /api/registry.json; policies and example configs from /api/.
 * Findings are rendered with textContent only.
 */
import { z } from 'zod';
import { lintText, parsePolicy, type PolicyFinding } from '../../policy/index.ts';
import type { RegistryBundle } from '../../registry/index.ts';

// The CSP forbids eval; tell zod not to probe for it (it would log a CSP violation, then fall back anyway).
z.config({ jitless: true });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

class Playground extends HTMLElement {
  #bundle: Promise<RegistryBundle> | undefined;
  #form!: HTMLFormElement;
  #config!: HTMLTextAreaElement;
  #policyText!: HTMLTextAreaElement;
  #policySelect!: HTMLSelectElement;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const config = this.querySelector<HTMLTextAreaElement>('textarea[name=config]');
    const policyText = this.querySelector<HTMLTextAreaElement>('textarea[name=policyText]');
    const policySelect = this.querySelector<HTMLSelectElement>('select[name=policy]');
    if (!form || !config || !policyText || !policySelect) return;
    this.#form = form;
    this.#config = config;
    this.#policyText = policyText;
    this.#policySelect = policySelect;
    this.hidden = false;
    const today = this.querySelector<HTMLInputElement>('input[name=today]');
    if (today) today.value = new Date().toISOString().slice(0, 10);

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.lint();
    });
    this.querySelector<HTMLSelectElement>('select[name=example]')?.addEventListener('change', (e) => void this.#loadExample((e.target as HTMLSelectElement).value));
    this.querySelector<HTMLInputElement>('input[name=file]')?.addEventListener('change', async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) config.value = await file.text();
    });
    policySelect.addEventListener('change', () => void this.#loadPolicy());
    policyText.addEventListener('input', () => {
      policySelect.value = 'custom';
    });
    const policyLoaded = this.#loadPolicy();
    // ?router=<id> opens one of content/routers (the home page's stack links here); otherwise the LiteLLM example.
    const router = new URLSearchParams(location.search).get('router');
    const litellm = this.querySelector<HTMLTemplateElement>('template.example-litellm')?.content.textContent ?? '';
    if (router && /^[a-z0-9][a-z0-9._-]*$/.test(router)) {
      const select = this.querySelector<HTMLSelectElement>('select[name=example]');
      if (select) select.value = `router:${router}`;
      void Promise.all([policyLoaded, this.#loadExample(`router:${router}`)]).then(() => this.lint());
    } else if (!config.value && litellm) config.value = litellm;
  }

  async #loadExample(value: string): Promise<void> {
    if (value === 'litellm') {
      this.#config.value = this.querySelector<HTMLTemplateElement>('template.example-litellm')?.content.textContent ?? '';
    } else if (value.startsWith('router:')) {
      const response = await fetch(`${this.dataset.routers}${value.slice('router:'.length)}.yaml`);
      if (response.ok) this.#config.value = await response.text();
    }
  }

  async #loadPolicy(): Promise<void> {
    const id = this.#policySelect.value;
    if (id === 'custom') return;
    const response = await fetch(`${this.dataset.policies}${id}.yaml`);
    if (response.ok) this.#policyText.value = await response.text();
  }

  #registry(): Promise<RegistryBundle> {
    this.#bundle ??= fetch(this.dataset.registry ?? '/api/registry.json').then((r) => {
      if (!r.ok) throw new Error(`could not load the registry (${r.status})`);
      return r.json() as Promise<RegistryBundle>;
    });
    return this.#bundle;
  }

  /** Runs the linter and renders the findings. */
  async lint(): Promise<void> {
    const summary = this.querySelector('.pg-summary')!;
    const list = this.querySelector('ol.findings')!;
    summary.textContent = 'Linting…';
    list.replaceChildren();
    const bundle = await this.#registry();
    const policyFile = this.#policySelect.value === 'custom' ? 'policy.yaml' : `content/policies/${this.#policySelect.value}.yaml`;
    const policy = parsePolicy(policyFile, this.#policyText.value);
    const today = this.querySelector<HTMLInputElement>('input[name=today]')?.value || this.dataset.today || new Date().toISOString().slice(0, 10);
    const outcome = policy.policy
      ? lintText('router.yaml', this.#config.value, bundle.registry, policy.policy, today)
      : { findings: policy.findings as PolicyFinding[], exitCode: 2 as const };
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of outcome.findings) counts[f.severity]++;
    const verdict = outcome.exitCode === 0 ? 'Passes' : outcome.exitCode === 1 ? 'Fails: policy violations' : 'Could not evaluate';
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    summary.textContent = `${verdict} (exit ${outcome.exitCode}): ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.info, 'info')}.`;
    summary.className = `pg-summary callout ${outcome.exitCode === 0 ? 'ok' : 'bad'}`;
    list.replaceChildren(...outcome.findings.map((f) => this.#finding(f)));
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
    head.append(el('span', f.severity, `badge ${f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'neutral'}`), ' ');
    const code = el('a');
    code.href = `${this.dataset.rules ?? '/rules/'}${f.code}/`;
    code.append(el('code', f.code));
    head.append(code, ' ');
    const where = el('button', `${f.file}:${f.line}:${f.column}${f.path ? ` ${f.path}` : ''}`, 'secondary small');
    where.type = 'button';
    where.title = 'Select this line in the config';
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
