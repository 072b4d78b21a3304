/**
 * <cl-facts>: the deck-safe and origin filters and the subject picker of the facts pages, and the copy
 * buttons. Without JavaScript every fact stays visible and the citation sits in each fact's details.
 */

import { visible } from './_facts-filter.ts';

class Facts extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form.fact-filters');
    const items = Array.from(this.querySelectorAll<HTMLElement>('li.fact'));
    const status = this.querySelector<HTMLElement>('.fact-count');
    const picker = this.querySelector<HTMLSelectElement>('select[name="subject"]');
    if (form) form.hidden = false;
    const apply = () => {
      const deckSafeOnly = this.querySelector<HTMLInputElement>('input[name="deck-safe"]')?.checked ?? false;
      const origin = this.querySelector<HTMLSelectElement>('select[name="origin"]')?.value ?? '';
      let shown = 0;
      for (const li of items) {
        const show = visible({ deckSafe: li.dataset.deckSafe === 'yes', origin: li.dataset.origin ?? '' }, { deckSafeOnly, origin });
        li.hidden = !show;
        if (show) shown++;
      }
      if (status) status.textContent = `${shown} of ${items.length} facts shown`;
    };
    form?.addEventListener('change', (event) => {
      if (event.target === picker && picker?.value) {
        location.href = picker.value;
        return;
      }
      apply();
    });
    form?.addEventListener('submit', (event) => event.preventDefault());
    apply();

    for (const button of this.querySelectorAll<HTMLButtonElement>('button.fact-copy')) {
      button.hidden = false;
      button.addEventListener('click', async () => {
        const text = button.dataset.citation ?? '';
        try {
          await navigator.clipboard.writeText(text);
          button.textContent = 'Copied';
        } catch {
          button.textContent = 'Copy failed: select the citation under Sources';
        }
        setTimeout(() => (button.textContent = 'Copy with citation'), 2000);
      });
    }
  }
}

if (!customElements.get('cl-facts')) customElements.define('cl-facts', Facts);
