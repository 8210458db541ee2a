// Copy buttons beside read-only addresses (a new private feed URL): shown only when the script runs.

export function enhanceCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const input = document.getElementById(button.dataset.copy ?? '');
    const status = document.getElementById(button.dataset.status ?? '');
    if (!(input instanceof HTMLInputElement)) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      input.select();
      const say = (text: string) => {
        if (status) status.textContent = text;
      };
      if (!navigator.clipboard) return say('Select the address and copy it.');
      navigator.clipboard.writeText(input.value).then(
        () => say('Copied.'),
        () => say('Select the address and copy it.'),
      );
    });
  }
}
