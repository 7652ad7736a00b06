// The offline edition as an EPUB 3 e-book: the same stories in one XHTML content document, a navigation document
// (the table of contents), the pictures as JPEG files, the language and, for Dari and Pashto, right-to-left page
// progression. The zip is written with yazl: `mimetype` first, stored uncompressed and without extra fields (EPUB
// OCF 3.2, 4.3), every entry dated with the edition so the same edition makes the same bytes.
import { createHash } from 'node:crypto';
import type * as Yazl from 'yazl';
import { loadPackage } from '../load_later.ts';
import { dir, t } from '../i18n/index.ts';
import { contents, EDITION_CSS, editionTitle, footer, masthead, storiesMarkup, type EditionView } from './offline_html.ts';
import { esc, type EditionPicture } from './offline_pictures.ts';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

/** A stable identifier of one language's edition of one day: a UUID made from the site, language and day. */
function editionUuid(v: EditionView): string {
  const h = createHash('sha256').update(`${v.origin}|${v.lang}|${v.date}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function xhtml(v: EditionView, title: string, body: string, epubNs = false): string {
  const lang = esc(v.lang);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"${epubNs ? ' xmlns:epub="http://www.idpf.org/2007/ops"' : ''} lang="${lang}" xml:lang="${lang}" dir="${dir(v.lang)}">
<head>
<meta charset="utf-8"/>
<title>${esc(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

function packageDocument(v: EditionView, pictures: EditionPicture[]): string {
  const modified = `${v.madeAt.toISOString().slice(0, 19)}Z`;
  const images = pictures.map((p) => `<item id="${p.id}" href="images/${p.id}.jpg" media-type="image/jpeg"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${esc(v.lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:${editionUuid(v)}</dc:identifier>
<dc:title>${esc(editionTitle(v))}</dc:title>
<dc:language>${esc(v.lang)}</dc:language>
<dc:publisher>${esc(v.name)}</dc:publisher>
<dc:date>${v.date}</dc:date>
<dc:source>${esc(v.origin)}/</dc:source>
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="content" href="content.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
${images}
</manifest>
<spine${dir(v.lang) === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
<itemref idref="nav"/>
<itemref idref="content"/>
</spine>
</package>
`;
}

/** The edition as EPUB bytes. */
export async function editionEpub(v: EditionView): Promise<Buffer> {
  const src = (p: EditionPicture) => `images/${p.id}.jpg`;
  const title = editionTitle(v);
  const content = xhtml(v, title, `${masthead(v)}\n<main>\n${await storiesMarkup(v, src, false)}\n</main>\n${footer(v)}`);
  const heading = esc(t(v.lang, 'offline.contents'));
  const nav = xhtml(v, heading, `<nav epub:type="toc" id="toc"><h1>${heading}</h1>${contents(v, 'content.xhtml')}</nav>`, true);
  // every picture the stories asked for has been made by now
  const pictures = await v.pictures.all();
  const yazl = loadPackage<typeof Yazl>('yazl');
  const zip = new yazl.ZipFile();
  const mtime = v.madeAt;
  zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false, mtime, forceDosTimestamp: true });
  zip.addBuffer(Buffer.from(CONTAINER), 'META-INF/container.xml', { mtime });
  zip.addBuffer(Buffer.from(packageDocument(v, pictures)), 'EPUB/package.opf', { mtime });
  zip.addBuffer(Buffer.from(nav), 'EPUB/nav.xhtml', { mtime });
  zip.addBuffer(Buffer.from(content), 'EPUB/content.xhtml', { mtime });
  zip.addBuffer(Buffer.from(EDITION_CSS), 'EPUB/style.css', { mtime });
  // JPEG is compressed already: stored as it is
  for (const p of pictures) zip.addBuffer(p.bytes, `EPUB/images/${p.id}.jpg`, { mtime, compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
