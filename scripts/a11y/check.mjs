// Loads a page in headless Chromium (Debian's, not a browser playwright downloads), runs
// axe-core on it with the WCAG 2 A and AA rules, prints each violation and a summary line, and
// exits 1 when there is any violation.
// Usage: node check.mjs PAGE.html [CHROMIUM]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const page_path = process.argv[2];
if (!page_path) {
  console.error("usage: node check.mjs PAGE.html [CHROMIUM]");
  process.exit(2);
}
const executablePath = process.argv[3] || "/usr/bin/chromium";
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const axeVersion = JSON.parse(readFileSync(require.resolve("axe-core/package.json"), "utf8")).version;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Running as root in a container: Chromium's sandbox needs user namespaces it may not have.
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage();
  const external = [];
  // The page must stand alone: any request beyond the file itself is reported.
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) external.push(r.url());
  });
  await page.goto(pathToFileURL(resolve(page_path)).href, { waitUntil: "load" });
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } }),
  );
  for (const v of results.violations) {
    console.log(`violation ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
    for (const n of v.nodes.slice(0, 5)) {
      console.log(`  ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`);
    }
  }
  for (const v of results.incomplete) {
    console.log(`to review: ${v.id}: ${v.help} — ${v.nodes.length} element(s)`);
  }
  for (const url of external) console.log(`external request: ${url}`);
  const version = browser.version();
  console.log(
    `axe-core ${axeVersion}, Chromium ${version}, WCAG 2 A/AA: ` +
      `${results.violations.length} violations, ${results.passes.length} rules passed, ` +
      `${results.incomplete.length} to review by hand, ${external.length} external requests`,
  );
  process.exitCode = results.violations.length > 0 || external.length > 0 ? 1 : 0;
} finally {
  await browser.close();
}
