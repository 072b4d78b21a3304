/**
 * <cl-facts>: the filters (topic, open-weights, kind, deck-safe), the sort and the subject picker of the facts
 * pages, and the copy buttons. The filter lives in the URL query: every change is a history entry, so back and
 * forward step through filters and a shared link opens with the same ones. Without JavaScript every fact stays
 * visible in page order and both citations sit in each fact's details.
 */

import { compareFacts, DEFAULT_FILTER, filterQuery, parseFilter, visible, type FactFilter, type FactItemData } from './_facts-filter.ts';

function itemData(li: HTMLElement): FactItemData {
  const d = li.dataset;
  return {
    deckSafe: d.deckSafe === 'yes',
    origin: d.origin ?? '',
    topics: (d.topics ?? '').split(' ').filter((t) => t !== ''),
    openWeights: d.openWeights === 'yes',
    date: d.date ?? '',
    rank: Number(d.rank ?? 9),
  };
}

class Facts extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form.fact-filters');
    const items = Array.from(this.querySelectorAll<HTMLElement>('li.fact'));
    const data = new Map(items.map((li, i) => [li, { ...itemData(li), order: i }]));
    const status = this.querySelector<HTMLElement>('.fact-count');
    const picker = this.querySelector<HTMLSelectElement>('select[name="subject"]');
    const topicSelect = this.querySelector<HTMLSelectElement>('select[name="topic"]');
    const kindSelect = this.querySelector<HTMLSelectElement>('select[name="kind"]');
    const sortSelect = this.querySelector<HTMLSelectElement>('select[name="sort"]');
    const openBox = this.querySelector<HTMLInputElement>('input[name="open-weights"]');
    const safeBox = this.querySelector<HTMLInputElement>('input[name="deck-safe"]');
    const topics = topicSelect ? Array.from(topicSelect.options, (o) => o.value).filter((v) => v !== '') : [];
    if (form) form.hidden = false;

    const read = (): FactFilter => ({
      topic: topicSelect?.value ?? '',
      openWeights: openBox?.checked ?? false,
      deckSafeOnly: safeBox?.checked ?? false,
      origin: kindSelect?.value ?? '',
      sort: sortSelect?.value === 'newest' ? 'newest' : 'relevant',
    });
    const write = (f: FactFilter) => {
      if (topicSelect) topicSelect.value = f.topic;
      if (kindSelect) kindSelect.value = f.origin;
      if (sortSelect) sortSelect.value = f.sort;
      if (openBox) openBox.checked = f.openWeights;
      if (safeBox) safeBox.checked = f.deckSafeOnly;
    };
    const apply = (f: FactFilter) => {
      let shown = 0;
      for (const li of items) {
        const show = visible(data.get(li)!, f);
        li.hidden = !show;
        if (show) shown++;
      }
      // Reorder inside each list; ties keep the page order.
      for (const list of this.querySelectorAll<HTMLOListElement>('ol.fact-list')) {
        const lis = Array.from(list.children).filter((c): c is HTMLElement => c instanceof HTMLElement && c.matches('li.fact'));
        lis.sort((a, b) => compareFacts(data.get(a)!, data.get(b)!, f.sort) || data.get(a)!.order - data.get(b)!.order);
        for (const li of lis) list.append(li);
        const section = list.closest<HTMLElement>('section.fact-section');
        if (section) section.hidden = lis.every((li) => li.hidden);
      }
      if (status) status.textContent = `${shown} of ${items.length} facts shown`;
    };
    const fromUrl = () => {
      // Values the page does not offer (a topic absent from this subject) fall back to "all".
      const f = parseFilter(location.search, topics);
      if (!kindSelect) f.origin = DEFAULT_FILTER.origin;
      if (!openBox) f.openWeights = false;
      write(f);
      apply(f);
    };

    form?.addEventListener('change', (event) => {
      if (event.target === picker && picker?.value) {
        location.href = picker.value;
        return;
      }
      const f = read();
      apply(f);
      const next = `${location.pathname}${filterQuery(f)}${location.hash}`;
      if (next !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', next);
    });
    form?.addEventListener('submit', (event) => event.preventDefault());
    window.addEventListener('popstate', fromUrl);
    fromUrl();

    for (const button of this.querySelectorAll<HTMLButtonElement>('button.fact-copy')) {
      button.hidden = false;
      const label = button.dataset.label ?? button.textContent ?? 'Copy';
      button.addEventListener('click', async () => {
        const text = button.dataset.citation ?? '';
        try {
          await navigator.clipboard.writeText(text);
          button.textContent = 'Copied';
        } catch {
          button.textContent = 'Copy failed: select the citation under Sources';
        }
        setTimeout(() => (button.textContent = label), 2000);
      });
    }
  }
}

if (!customElements.get('cl-facts')) customElements.define('cl-facts', Facts);
