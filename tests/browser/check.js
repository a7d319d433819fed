#!/usr/bin/env node
// Opens pages of cryptbench's HTML report in Debian's headless Chromium, as a
// reviewer would, at a laptop's width and at a phone's (420 and 360 px), and
// checks what only a browser can tell:
//  - no console error or uncaught exception;
//  - no request for anything but a file: URL (every other one is also blocked);
//  - in every chart shown at that width, no two labels overlap, none leaves
//    its drawing, none renders smaller than 10 px, and there is something
//    plotted besides the grid;
//  - the page needs no horizontal scrolling at that width;
//  - the index's change summary (a forest plot) shows one dot and one name
//    per compared benchmark, with the noise band.
// It saves a full-page screenshot of each page at each width for a person to
// look at.
//
// Usage: node check.js HTML_DIR SCREENSHOT_DIR PAGE...
// A PAGE is a path under HTML_DIR; its screenshots go to the same path under
// SCREENSHOT_DIR, so that the pages of several reports share one Chromium.
// Prints one line per check, "PASS\tdescription" or "FAIL\tdescription\tdetail",
// for tests/e2e/browser.sh to turn into TAP; exits 2 when Chromium cannot start.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Nothing but the page: no updates, no sync, no background fetches of Chromium's own.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
              '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [1280, 420, 360];
// The smallest a chart's label may render at, px: 12 px type drawn at least 83% of size.
const MIN_LABEL_PX = 10;

function report(pass, what, details) {
    const detail = (details || []).slice(0, 8).join(' | ').replace(/[\t\n]/g, ' ');
    console.log(pass ? `PASS\t${what}` : `FAIL\t${what}\t${detail}`);
}

// Runs in the page: what is wrong with the layout of its charts and of the
// page. Only the charts shown at this width count (the other layout is there,
// not displayed).
function layoutProblems(minLabel) {
    const problems = [];
    const charts = [...document.querySelectorAll('svg')].filter((svg) => svg.getClientRects().length > 0);

    charts.forEach((svg, k) => {
        const frame = svg.getBoundingClientRect();
        const name = `chart ${k + 1} (${svg.getAttribute('aria-label')})`;
        const scale = frame.width / svg.viewBox.baseVal.width;
        const labels = [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent.trim() !== '')
            .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect(),
                           px: parseFloat(getComputedStyle(t).fontSize) * scale }));
        const marks = svg.querySelectorAll('circle, path, line:not(.grid), rect:not(.frame):not(.swatch)');

        if (marks.length === 0) {
            problems.push(`${name}: nothing plotted`);
        }
        for (const l of labels) {
            if (l.box.left < frame.left - 1 || l.box.right > frame.right + 1 ||
                l.box.top < frame.top - 1 || l.box.bottom > frame.bottom + 1) {
                problems.push(`${name}: "${l.text}" leaves the drawing`);
            }
            if (l.px < minLabel) {
                problems.push(`${name}: "${l.text}" renders at ${l.px.toFixed(1)} px`);
            }
        }
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
                const a = labels[i].box, b = labels[j].box;
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);

                // glyph boxes include the line's leading: a pixel or two is not a collision
                if (w > 2 && h > 2) {
                    problems.push(`${name}: "${labels[i].text}" overlaps "${labels[j].text}"`);
                }
            }
        }
    });
    if (document.documentElement.scrollWidth > window.innerWidth) {
        const wide = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.className.baseVal ?? e.className}">`);
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide, ` +
                      `wider than the window (${window.innerWidth} px): ${wide.join(', ')}`);
    }
    return { charts: charts.length, problems };
}

// Runs in the index: the forest plot against the table of results.
function forestProblems() {
    const problems = [];
    const forest = [...document.querySelectorAll('svg[aria-label^="each benchmark"]')]
        .filter((svg) => svg.getClientRects().length > 0);
    const compared = document.querySelectorAll('table.results td.chg[data-label]').length;

    if (forest.length !== 1) {
        return [`${forest.length} change summaries shown, want 1`];
    }
    const dots = forest[0].querySelectorAll('circle').length;
    const names = forest[0].querySelectorAll('text.tick').length;
    if (dots !== compared || compared === 0) {
        problems.push(`${dots} dots for ${compared} compared benchmarks`);
    }
    // each dot's name, besides the axis's own ticks
    if (names < dots) {
        problems.push(`${names} labels for ${dots} dots`);
    }
    if (forest[0].querySelector('rect.band') === null) {
        problems.push('no noise band');
    }
    if (!/noise threshold, \u00b1[0-9.]+%/.test(document.body.textContent)) {
        problems.push('the threshold is not stated');
    }
    return problems;
}

async function checkPage(context, dir, shots, name, width, offsite) {
    const page = await context.newPage();
    const errors = [];
    const before = offsite.length;
    const at = `${name} at ${width} px`;

    await page.setViewportSize({ width, height: 800 });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + path.resolve(dir, name), { waitUntil: 'load' });
    report(errors.length === 0, `${at}: no console error`, errors);
    report(offsite.length === before, `${at}: no request but for file: URLs`,
           offsite.slice(before));
    const layout = await page.evaluate(layoutProblems, MIN_LABEL_PX);
    report(layout.problems.length === 0,
           `${at}: ${layout.charts} charts, labels apart, inside and legible, no horizontal overflow`,
           layout.problems);
    if (path.basename(name) === 'index.html') {
        const forest = await page.evaluate(forestProblems);
        report(forest.length === 0, `${at}: the change summary has a dot per compared benchmark`,
               forest);
    }
    const shot = path.join(shots, `${name.replace(/\.html$/, '')}-${width}.png`);
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    report(fs.statSync(shot).size > 0, `${at}: screenshot ${shot}`);
    await page.close();
}

async function main() {
    const [dir, shots, ...pages] = process.argv.slice(2);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cryptbench-chromium-'));
    const offsite = [];
    let context;

    fs.mkdirSync(shots, { recursive: true });
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: CHROMIUM, headless: true, args: ARGS,
            viewport: { width: WIDTHS[0], height: 800 },
        });
    } catch (e) {
        console.error(`cannot start ${CHROMIUM}: ${e.message.split('\n')[0]}`);
        fs.rmSync(profile, { recursive: true, force: true });
        process.exit(2);
    }
    try {
        // seen on the context, so that a request from any frame or worker counts
        context.on('request', (r) => { if (!r.url().startsWith('file:')) offsite.push(r.url()); });
        await context.route('**/*', (route) => (route.request().url().startsWith('file:')
            ? route.continue() : route.abort()));
        for (const name of pages) {
            for (const width of WIDTHS) {
                await checkPage(context, dir, shots, name, width, offsite);
            }
        }
    } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
}

main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(2);
});
