import { html, type SafeHtml } from "./safe-html";

export type EmailBody = {
  /** The line mail clients show beside the subject in the inbox. */
  preview: string;
  heading: string;
  paragraphs: readonly string[];
  /** Facts worth a glance, e.g. "Trial ends" → "29 November 2026". */
  details?: readonly { label: string; value: string }[];
  action?: { label: string; url: string };
  /** Small print under everything else: why the reader got this email. */
  footnote?: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };

// A link that came from outside (e.g. Lemon Squeezy's update-payment URL) is used only if it is a web address:
// escaping keeps it inside the attribute, but a javascript: URL would still run when clicked.
function webUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function detailsTable(details: EmailBody["details"]): SafeHtml | null {
  if (!details?.length) return null;
  const rows = details.map(
    ({ label, value }) =>
      html`<tr><td style="padding:6px 12px 6px 0;color:#57534e;vertical-align:top">${label}</td><td style="padding:6px 0;color:#1c1917;font-weight:600">${value}</td></tr>`,
  );
  return html`<table role="presentation" style="margin:8px 0 16px;border-collapse:collapse;font-size:15px">${rows}</table>`;
}

function actionButton(action: EmailBody["action"]): SafeHtml | null {
  const url = action ? webUrl(action.url) : null;
  if (!action || !url) return null;
  return html`<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:#c2410c;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:10px">${action.label}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#57534e">Or open this address: <a href="${url}" style="color:#9a3412;word-break:break-all">${url}</a></p>`;
}

function renderHtml(subject: string, body: EmailBody): string {
  const paragraphs = body.paragraphs.map((paragraph) => html`<p style="margin:0 0 16px">${paragraph}</p>`);
  const footnote = body.footnote ? html`<p style="margin:24px 0 0;font-size:13px;color:#78716c">${body.footnote}</p>` : null;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background:#f5f5f4;${FONT}">
<div style="display:none;max-height:0;overflow:hidden">${body.preview}</div>
<table role="presentation" width="100%" style="border-collapse:collapse;background:#f5f5f4">
<tr><td style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;border-collapse:collapse;background:#ffffff;border-radius:16px">
<tr><td style="padding:28px 28px 8px;font-size:18px;font-weight:700;color:#9a3412">Foodar</td></tr>
<tr><td style="padding:8px 28px 28px;font-size:16px;line-height:1.5;color:#1c1917">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${body.heading}</h1>
${paragraphs}
${detailsTable(body.details)}
${actionButton(body.action)}
${footnote}
</td></tr>
</table>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#a8a29e;text-align:center">Foodar · 3D and AR menus for restaurants</p>
</td></tr>
</table>
</body>
</html>
`.value;
}

function renderText(body: EmailBody): string {
  const lines = [body.heading, "=".repeat(Math.min(body.heading.length, 72)), ""];
  for (const paragraph of body.paragraphs) lines.push(paragraph, "");
  for (const { label, value } of body.details ?? []) lines.push(`${label}: ${value}`);
  if (body.details?.length) lines.push("");
  const url = body.action ? webUrl(body.action.url) : null;
  if (body.action && url) lines.push(`${body.action.label}: ${url}`, "");
  if (body.footnote) lines.push(body.footnote, "");
  lines.push("--", "Foodar · 3D and AR menus for restaurants", "");
  return lines.join("\n");
}

/** The one look of every Foodar email, as HTML with every value escaped and as plain text. */
export function renderEmail(subject: string, body: EmailBody): RenderedEmail {
  // A subject is a single header line.
  const oneLineSubject = subject.replace(/\s+/g, " ").trim();
  return { subject: oneLineSubject, html: renderHtml(oneLineSubject, body), text: renderText(body) };
}
