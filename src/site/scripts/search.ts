/**
 * <cl-search>: search over the Pagefind index with filters and excerpts. Pagefind's own script, WebAssembly
 * and index chunks load only when the reader searches. Results are built with DOM APIs: an excerpt's <mark>
 * highlights are kept and everything else becomes text, so no indexed string is ever injected as HTML.
 *
 * Attributes: data-bundle (Pagefind bundle URL, default /pagefind/), data-filters (show filter checkboxes).
 */

import { FACT_TYPE, searchPlan, weakQuery, type FilterSpec } from './search-plan.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts of each filter value among this search's matches. */
  filters?: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: FilterSpec }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Filters offered in the UI, in this order; others in the index are not shown. */
const FILTER_ORDER = ['type', 'license class', 'commercial use', 'open weights', 'vendor country', 'deck-safe'];
const PAGE_SIZE = 10;
/** Facts listed under the pages before "Show all N facts". */
const FACTS_PREVIEW = 5;

/** Text and <mark> nodes of a Pagefind excerpt, with every other element dropped to its text. */
export function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: Node[] = [];
  for (const node of Array.from(parsed.body.childNodes)) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

/**
 * The section of a page that holds most of the matched words (Pagefind's sub-results, one per heading): its
 * excerpt shows the idea that matched and its link lands on that heading. Undefined when the page has no
 * sections or the best one is the page itself.
 */
export function bestSection(data: PagefindResultData): PagefindSubResult | undefined {
  const subs = (data.sub_results ?? []).filter((s) => s.url !== data.url && (s.locations?.length ?? 0) > 0);
  return subs.sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
}

/** One result: title link, type (and a fact's verdict), subject line for facts, excerpt of the best section. */
function resultItem(data: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  const section = bestSection(data);
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const heading = document.createElement('h3');
  heading.append(link);
  const type = data.filters.type?.[0];
  if (type) heading.append(' ', badge('neutral', type));
  // A fact is its own record (its anchor on the subject's facts page) and carries its own verdict.
  const deckSafe = data.filters['deck-safe']?.[0];
  if (type === FACT_TYPE && deckSafe) heading.append(' ', deckSafe === 'Yes' ? badge('good', 'Deck-safe') : badge('bad', 'Not deck-safe'));
  li.append(heading);
  if (data.meta.subject) {
    const about = document.createElement('p');
    about.className = 'small muted';
    about.textContent = [data.meta.subject, data.meta.value].filter(Boolean).join(' · ');
    li.append(about);
  }
  const excerpt = document.createElement('p');
  if (section) {
    const where = document.createElement('a');
    where.href = section.url;
    where.className = 'small';
    where.textContent = section.title;
    excerpt.append(where, ': ');
  }
  excerpt.append(...excerptNodes(section?.excerpt ?? data.excerpt));
  li.append(excerpt);
  return li;
}

function badge(kind: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `badge ${kind}`;
  span.textContent = text;
  return span;
}

class Search extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #input: HTMLInputElement | null = null;
  #results: HTMLElement | null = null;
  #status: HTMLElement | null = null;
  #filterBox: HTMLElement | null = null;
  #selected = new Map<string, Set<string>>();
  #shown = PAGE_SIZE;
  #seq = 0;

  connectedCallback(): void {
    this.#input = this.querySelector('input[type=search]');
    this.#results = this.querySelector('.results');
    this.#status = this.querySelector('.search-status');
    this.#filterBox = this.querySelector('.search-filters');
    const form = this.querySelector('form');
    if (!this.#input || !this.#results || !this.#status) return;
    const params = new URLSearchParams(location.search);
    for (const f of params.getAll('f')) {
      const cut = f.indexOf(':');
      if (cut > 0) this.#toggle(f.slice(0, cut), f.slice(cut + 1), true);
    }
    this.#input.value = params.get('q') ?? this.#input.value;
    form?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#run();
    });
    this.#input.addEventListener('input', () => void this.#run(true));
    this.querySelectorAll('[data-requires-js]').forEach((el) => el.removeAttribute('hidden'));
    this.querySelector('.js-needed')?.setAttribute('hidden', '');
    if (this.hasAttribute('data-filters')) void this.#renderFilters();
    if (this.#input.value || this.#selected.size) void this.#run();
  }

  #load(): Promise<Pagefind> {
    if (!this.#pagefind) {
      const bundle = this.dataset.bundle ?? '/pagefind/';
      this.#pagefind = (async () => {
        const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
        await pf.options({ excerptLength: 24 });
        await pf.init();
        return pf;
      })();
    }
    return this.#pagefind;
  }

  #toggle(key: string, value: string, on: boolean): void {
    const set = this.#selected.get(key) ?? new Set<string>();
    if (on) set.add(value);
    else set.delete(value);
    if (set.size) this.#selected.set(key, set);
    else this.#selected.delete(key);
  }

  async #renderFilters(): Promise<void> {
    if (!this.#filterBox) return;
    const pf = await this.#load();
    const all = await pf.filters();
    const groups: HTMLElement[] = [];
    for (const key of FILTER_ORDER) {
      const values = all[key];
      if (!values || Object.keys(values).length === 0) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = key.charAt(0).toUpperCase() + key.slice(1);
      fieldset.append(legend);
      for (const [value, count] of Object.entries(values).sort((a, b) => a[0].localeCompare(b[0]))) {
        const label = document.createElement('label');
        label.className = 'check';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = this.#selected.get(key)?.has(value) ?? false;
        box.addEventListener('change', () => {
          this.#toggle(key, value, box.checked);
          void this.#run();
        });
        label.append(box, document.createTextNode(` ${value} `));
        const n = document.createElement('span');
        n.className = 'muted small facet-count';
        n.dataset.key = key;
        n.dataset.value = value;
        n.textContent = `(${count})`;
        label.append(n);
        fieldset.append(label);
      }
      groups.push(fieldset);
    }
    this.#filterBox.replaceChildren(...groups);
    this.#filterBox.hidden = groups.length === 0;
  }

  async #run(debounced = false): Promise<void> {
    const seq = ++this.#seq;
    const term = this.#input?.value.trim() ?? '';
    this.#updateUrl(term);
    if (!term && this.#selected.size === 0) {
      this.#results?.replaceChildren();
      if (this.#status) this.#status.textContent = '';
      return;
    }
    if (this.#status) this.#status.textContent = 'Searching…';
    if (debounced) await new Promise((r) => setTimeout(r, 200));
    if (seq !== this.#seq) return;
    const pf = await this.#load();
    const plan = searchPlan(this.#selected);
    const run = async (filters: FilterSpec | undefined) => (filters ? ((await pf.search(term || null, { filters }))?.results ?? []) : undefined);
    // One unfiltered search gives the facet counts for this query, so each count says what ticking it would find.
    let [pages, facts, counts] = await Promise.all([run(plan.pages), run(plan.facts), term ? pf.search(term).then((r) => r?.filters) : pf.filters()]);
    if (seq !== this.#seq) return;
    // A query only Pagefind's prefix fallback matched (gibberish) finds nothing, rather than hundreds of weak matches.
    const best = await Promise.all([...(pages ?? []).slice(0, 5), ...(facts ?? []).slice(0, 5)].map((r) => r.data()));
    if (seq !== this.#seq) return;
    if (weakQuery(term, best.map((d) => [d.excerpt, ...(d.sub_results ?? []).map((x) => x.excerpt)]))) {
      [pages, facts] = [pages && [], facts && []];
      counts = {};
    }
    this.#updateCounts(counts ?? {});
    this.#shown = PAGE_SIZE;
    await this.#renderResults({ pages, facts }, seq);
  }

  async #renderResults(found: { pages: PagefindResult[] | undefined; facts: PagefindResult[] | undefined }, seq: number): Promise<void> {
    if (!this.#results || !this.#status) return;
    const pages = found.pages ?? [];
    const facts = found.facts ?? [];
    // Both kinds: pages first, then a few facts with a way to list them all. One kind: one list.
    const both = pages.length > 0 && facts.length > 0;
    const lists = both
      ? [
          { title: 'Pages', className: 'pages', results: pages, shown: this.#shown, more: 'Show more pages' },
          { title: 'Facts', className: 'facts', results: facts, shown: FACTS_PREVIEW, more: `Show all ${facts.length} facts` },
        ]
      : [{ title: 'Results', className: pages.length ? 'pages' : 'facts', results: pages.length ? pages : facts, shown: this.#shown, more: 'Show more results' }];
    const data = await Promise.all(lists.map((l) => Promise.all(l.results.slice(0, l.shown).map((r) => r.data()))));
    if (seq !== this.#seq) return;
    const total = pages.length + facts.length;
    this.#status.textContent =
      total === 0 ? 'No results.' : `${total} result${total === 1 ? '' : 's'}${both ? `: ${pages.length} page${pages.length === 1 ? '' : 's'}, ${facts.length} fact${facts.length === 1 ? '' : 's'}` : ''}.`;
    const nodes: Node[] = [];
    lists.forEach((l, i) => {
      if (l.results.length === 0) return;
      const section = document.createElement('section');
      const heading = document.createElement('h2');
      heading.textContent = l.title;
      if (!both) heading.className = 'visually-hidden';
      const list = document.createElement('ol');
      list.className = `search-results ${l.className}`;
      list.append(...data[i]!.map((d) => resultItem(d)));
      section.append(heading, list);
      if (l.results.length > l.shown) {
        const more = document.createElement('button');
        more.type = 'button';
        more.className = 'secondary';
        more.textContent = l.more;
        more.addEventListener('click', () => {
          if (l.className === 'facts' && both) {
            this.#choose('type', FACT_TYPE);
            return;
          }
          this.#shown += PAGE_SIZE;
          void this.#renderResults(found, seq);
        });
        section.append(more);
      }
      nodes.push(section);
    });
    this.#results.replaceChildren(...nodes);
  }

  /** Shows, beside each filter value, how many results of the current query carry it. */
  #updateCounts(counts: Record<string, Record<string, number>>): void {
    for (const n of this.querySelectorAll<HTMLElement>('.search-filters .facet-count')) {
      n.textContent = `(${counts[n.dataset.key ?? '']?.[n.dataset.value ?? ''] ?? 0})`;
    }
  }

  /** Selects one filter value, as if its checkbox were ticked, and searches again. */
  #choose(key: string, value: string): void {
    this.#toggle(key, value, true);
    const box = Array.from(this.querySelectorAll<HTMLInputElement>('.search-filters input[type=checkbox]')).find((b) => b.name === key && b.value === value);
    if (box) box.checked = true;
    void this.#run();
  }

  #updateUrl(term: string): void {
    if (!this.hasAttribute('data-sync-url')) return;
    const params = new URLSearchParams();
    if (term) params.set('q', term);
    for (const [k, values] of this.#selected) for (const v of values) params.append('f', `${k}:${v}`);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }
}

customElements.define('cl-search', Search);
