// What a paste from Word, Google Docs or a web page becomes. The editor's schema already keeps only the
// allowlisted structure (paragraphs, headings, lists, quotes, links, bold/italic, figures) and no style, class,
// font or span; this first removes what Word and Docs wrap around it (conditional comments, <o:p>, <style>,
// Docs' outer <b style="font-weight:normal">) so nothing of it turns into stray text or bold.
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|meta|link|title|xml)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?o:p>/gi, '')
    // Styles and classes would be dropped by the schema anyway; removed here, the browser never even parses them.
    .replace(/\s(style|class)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/<b\b[^>]*id="docs-internal-guid[^>]*>([\s\S]*)<\/b>/i, '$1');
}
