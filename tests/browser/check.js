#!/usr/bin/env node
// Opens pages of cryptbench's HTML report in Debian's headless Chromium, as a
// reviewer would, and checks what only a browser can tell:
//  - no console error or uncaught exception;
//  - no request for anything but a file: URL (every other one is also blocked);
//  - in every chart, no two labels overlap and none leaves its drawing, and
//    there is something plotted besides the grid;
//  - the page needs no horizontal scrolling at a laptop's width.
// It saves a full-page screenshot of each page for a person to look at.
//
// Usage: node check.js HTML_DIR SCREENSHOT_DIR PAGE...
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
const VIEWPORT = { width: 1280, height: 800 };

function report(pass, what, details) {
    const detail = (details || []).slice(0, 8).join(' | ').replace(/[\t\n]/g, ' ');
    console.log(pass ? `PASS\t${what}` : `FAIL\t${what}\t${detail}`);
}

// Runs in the page: what is wrong with the layout of its charts.
function layoutProblems() {
    const problems = [];
    const charts = [...document.querySelectorAll('svg')];

    charts.forEach((svg, k) => {
        const frame = svg.getBoundingClientRect();
        const name = `chart ${k + 1} (${svg.getAttribute('aria-label')})`;
        const labels = [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent.trim() !== '')
            .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
        const marks = svg.querySelectorAll('circle, path, line:not(.grid), rect:not(.frame):not(.swatch)');

        if (marks.length === 0) {
            problems.push(`${name}: nothing plotted`);
        }
        for (const l of labels) {
            if (l.box.left < frame.left - 1 || l.box.right > frame.right + 1 ||
                l.box.top < frame.top - 1 || l.box.bottom > frame.bottom + 1) {
                problems.push(`${name}: "${l.text}" leaves the drawing`);
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
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide, ` +
                      `wider than the window (${window.innerWidth} px)`);
    }
    return { charts: charts.length, problems };
}

async function checkPage(context, dir, shots, name, offsite) {
    const page = await context.newPage();
    const errors = [];
    const before = offsite.length;

    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + path.resolve(dir, name), { waitUntil: 'load' });
    report(errors.length === 0, `${name}: no console error`, errors);
    report(offsite.length === before, `${name}: no request but for file: URLs`,
           offsite.slice(before));
    const layout = await page.evaluate(layoutProblems);
    report(layout.problems.length === 0,
           `${name}: ${layout.charts} charts, labels apart and inside, nothing clipped`,
           layout.problems);
    const shot = path.join(shots, name.replace(/\.html$/, '') + '.png');
    await page.screenshot({ path: shot, fullPage: true });
    report(fs.statSync(shot).size > 0, `${name}: screenshot ${shot}`);
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
            executablePath: CHROMIUM, headless: true, args: ARGS, viewport: VIEWPORT,
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
            await checkPage(context, dir, shots, name, offsite);
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
