// pdf.js (pdfjs-dist, legacy build, in node) reads the tagged PDF as Firefox does:
//   node pdfjs_struct.js PDFJS_DIR FILE.pdf
// PDFJS_DIR holds node_modules/pdfjs-dist (installed by .ci/install-deps, pinned). Over every
// page, getStructTree() must give headings (H1..H6), a Figure with alt text, a Table with TH
// cells, and a Link; getTextContent() must hold no control character. Prints what it found and
// exits 1 when something is missing.
const path = require('path');
const fs = require('fs');
const [pdfjsDir, file] = process.argv.slice(2);
let pdfjs;
try {
  pdfjs = require(path.join(pdfjsDir, 'node_modules/pdfjs-dist/legacy/build/pdf.js'));
} catch (e) {
  console.error(`FAIL: pdfjs-dist not found in ${pdfjsDir} (run .ci/install-deps): ${e.message}`);
  process.exit(1);
}

function walk(node, found, inTable) {
  if (!node) return;
  const role = node.role;
  if (role) {
    if (/^H[1-6]$/.test(role)) found.headings.push(role);
    if (role === 'Figure') found.figures.push(node.alt || '');
    if (role === 'Table') found.tables += 1;
    if (role === 'TH' && inTable) found.th += 1;
    if (role === 'Link') found.links += 1;
  }
  for (const child of node.children || []) walk(child, found, inTable || role === 'Table');
}

(async () => {
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await pdfjs.getDocument({data, disableFontFace: true, verbosity: 0}).promise;
  const found = {headings: [], figures: [], tables: 0, th: 0, links: 0};
  const failures = [];
  for (let p = 1; p <= doc.numPages; ++p) {
    const page = await doc.getPage(p);
    const tree = await page.getStructTree();
    if (!tree) failures.push(`page ${p}: no structure tree`);
    walk(tree, found, false);
    const text = await page.getTextContent();
    for (const item of text.items) {
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(item.str || '')) {
        failures.push(`page ${p}: a control character in ${JSON.stringify(item.str)}`);
      }
    }
  }
  if (!found.headings.length) failures.push('no heading in the structure tree');
  if (!found.figures.length) failures.push('no Figure in the structure tree');
  if (found.figures.some(alt => !alt.trim())) failures.push('a Figure without alt text');
  if (!found.tables) failures.push('no Table in the structure tree');
  if (!found.th) failures.push('no TH in a Table');
  if (!found.links) failures.push('no Link in the structure tree');
  for (const f of failures) console.error(`FAIL: ${file}: ${f}`);
  console.log(`${file}: pdf.js: ${doc.numPages} pages, headings ${found.headings.join(' ')}, ` +
              `${found.figures.length} figures with alt (first: ${JSON.stringify(found.figures[0] || '').slice(0, 60)}), ` +
              `${found.tables} tables, ${found.th} TH, ${found.links} links`);
  process.exit(failures.length ? 1 : 0);
})().catch(e => {
  console.error(`FAIL: ${file}: ${e.stack || e}`);
  process.exit(1);
});
