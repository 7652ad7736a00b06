// The site's own error page (400, 404, 410, 500) in the site's language.
import type { AppContext } from '../context.ts';

export async function renderErrorPage(_ctx: AppContext, status: number, message: string): Promise<string> {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1><p>${message.replace(/[<>&"]/g, '')}</p></body></html>`;
}
