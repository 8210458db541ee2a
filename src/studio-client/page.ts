// Browser helpers the studio script shares: the session's CSRF token, the record's ETag fields, messages beside a field, live announcements.

/** The session's CSRF token (the layout's meta tag): sent as X-CSRF-Token with every write. */
export function csrfToken(): string {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

/** The record's current ETag, as the forms on the page carry it. */
export function currentEtag(form: HTMLFormElement): string {
  return (form.querySelector('input[name="etag"]') as HTMLInputElement | null)?.value ?? '';
}

/** After a write from the script: every form of the page saves against the record's new version. */
export function adoptEtag(etag: string | null): void {
  if (!etag) return;
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="etag"]')) input.value = etag;
}

/** Shows `message` beside `control` (or clears it), as the server's re-rendered form would. */
export function setFieldError(control: HTMLElement, message: string | undefined): void {
  const id = `${control.id}-error`;
  let box = document.getElementById(id);
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((d) => d && d !== id);
  if (!message) {
    box?.remove();
    control.removeAttribute('aria-invalid');
    control.closest('.field')?.classList.remove('has-error');
  } else {
    if (!box) {
      box = document.createElement('p');
      box.id = id;
      box.className = 'field-error';
      control.before(box);
    }
    box.textContent = sentence(message);
    control.setAttribute('aria-invalid', 'true');
    control.closest('.field')?.classList.add('has-error');
    described.push(id);
  }
  if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
  else control.removeAttribute('aria-describedby');
}

/** A server's message as a sentence: capital first, full stop last. */
export function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The detail of a problem+json answer, or a plain line for the status. */
export async function problemDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: string; error?: string };
    if (body.detail || body.error) return (body.detail ?? body.error) as string;
  } catch {
    // not JSON: fall through
  }
  return `The server answered ${response.status}.`;
}

/** Says `text` in a polite live region (and shows it, where the region is visible). */
export function announce(region: Element | null, text: string): void {
  if (region) region.textContent = text;
}
