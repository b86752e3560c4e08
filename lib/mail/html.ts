/** Escapes text for an HTML email body. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * A plain HTML email: paragraphs and at most one button, inline styles only (mail clients
 * strip the rest). Every value is escaped here.
 */
export function htmlEmail(input: {
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}): string {
  const p = (text: string) =>
    `<p style="margin:0 0 16px;font:15px/1.5 Arial,sans-serif;color:#1f2937">${escapeHtml(text)}</p>`;
  const button = input.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font:bold 15px Arial,sans-serif">${escapeHtml(input.action.label)}</a></p>` +
      p(`Si el botón no funciona, copiá este enlace en el navegador: ${input.action.url}`)
    : "";
  const [first = "", ...rest] = input.paragraphs;
  return (
    `<!doctype html><html lang="es-AR"><body style="margin:0;padding:24px;background:#f9fafb">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">` +
    p(first) +
    rest.map(p).join("") +
    button +
    `<p style="margin:24px 0 0;font:12px/1.5 Arial,sans-serif;color:#6b7280">${escapeHtml(input.footer)}</p>` +
    `</div></body></html>`
  );
}
