#!/usr/bin/env node
/*
Offline awesome-lint runner.

Usage: node tools/awesome-lint.mjs [README.md]

Runs the same remark-lint preset as `awesome-lint` (node_modules/awesome-lint/config.js
`createConfig()` fed with `rules/index.js` `createRules()`), minus the one rule that needs
the network:

  - removed: remark-lint:awesome-github (git remote lookup + GitHub API call)

Rules that DO run:
  - remark-lint core + remark-gfm, and the official remark-lint-* rules awesome-lint
    enables: blockquote-indentation, checkbox-character-style, checkbox-content-indent,
    code-block-style (fenced), definition-case, definition-spacing, emphasis-marker,
    fenced-code-marker (`), file-extension, final-newline, hard-break-spaces,
    heading-style (atx), link-title-style, list-item-bullet-indent, list-item-indent (one),
    no-blockquote-without-marker, no-emphasis-as-heading, no-file-name-* (articles,
    consecutive-dashes, irregular-characters, mixed-case, outer-dashes),
    no-heading-content-indent, no-heading-indent, no-heading-punctuation,
    no-multiple-toplevel-headings, no-shell-dollars, no-table-indentation,
    no-undefined-references, no-unneeded-full-reference-image/-link,
    no-unused-definitions, ordered-list-marker-style/-value, rule-style (---),
    strong-marker, table-cell-padding, table-pipe-alignment, table-pipes,
    unordered-list-marker-style, no-repeat-punctuation
  - awesome-lint custom rules: awesome-heading, awesome-badge, awesome-contributing
    (contributing.md next to the README), awesome-license (no "License" section),
    awesome-list-item, balanced-punctuation, awesome-no-ci-badge,
    no-repeat-item-in-description, awesome-spell-check (warn), awesome-toc, double-link
  - awesome-code-of-conduct on code-of-conduct.md / code_of_conduct.md if present
    (same as awesome-lint itself).

Output: one line per finding, `file:line:col: severity message [rule-id]`.
Exit code: 1 if there is any finding (error or warning) or a crash, 0 when clean.
No network access: global fetch is stubbed to throw, and the GitHub rule is not loaded
into the pipeline.
*/
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {remark} from 'remark';
import {readSync as readVFileSync} from 'to-vfile';
import {createConfig} from 'awesome-lint/config.js';
import {createRules} from 'awesome-lint/rules/index.js';
import githubRule from 'awesome-lint/rules/github.js';
import codeOfConductRule from 'awesome-lint/rules/code-of-conduct.js';

const EXCLUDED_RULE_IDS = new Set(['awesome-github']);

// Hard guarantee that nothing in the pipeline talks to the network.
globalThis.fetch = async () => {
	throw new Error('awesome-lint.mjs: network access is disabled');
};

const ruleIdOf = entry => {
	const plugin = Array.isArray(entry) ? entry[0] : entry;
	return plugin?.name?.replace(/^remark-lint:/, '');
};

const isExcluded = entry => {
	const plugin = Array.isArray(entry) ? entry[0] : entry;
	return plugin === githubRule || EXCLUDED_RULE_IDS.has(ruleIdOf(entry));
};

const rules = createRules().filter(entry => !isExcluded(entry));
if (rules.some(entry => isExcluded(entry)) || createRules().length - rules.length !== 1) {
	console.error('awesome-lint.mjs: could not filter out exactly the awesome-github rule; awesome-lint internals changed?');
	process.exit(2);
}

const config = createConfig(rules);

const readmeArgument = process.argv[2] ?? 'README.md';
const readmePath = path.resolve(readmeArgument);

if (!fs.existsSync(readmePath)) {
	console.error(`awesome-lint.mjs: no such file: ${readmeArgument}`);
	process.exit(1);
}

const tasks = [{vfile: readVFileSync(readmePath), plugins: config}];

const dirname = path.dirname(readmePath);
for (const name of fs.readdirSync(dirname)) {
	if (/^code[-_]of[-_]conduct\.md$/i.test(name)) {
		tasks.push({vfile: readVFileSync(path.join(dirname, name)), plugins: [[codeOfConductRule, ['error']]]});
	}
}

const githubDir = path.join(dirname, '.github');
if (fs.existsSync(githubDir) && fs.statSync(githubDir).isDirectory()) {
	for (const name of fs.readdirSync(githubDir)) {
		if (/^code[-_]of[-_]conduct\.md$/i.test(name)) {
			tasks.push({vfile: readVFileSync(path.join(githubDir, name)), plugins: [[codeOfConductRule, ['error']]]});
		}
	}
}

let findings = 0;
try {
	const files = await Promise.all(tasks.map(({vfile, plugins}) => remark().use(plugins).process(vfile)));
	for (const file of files) {
		const displayPath = path.relative(process.cwd(), file.path) || file.path;
		const messages = [...file.messages].sort((a, b) =>
			(a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
		for (const message of messages) {
			findings++;
			const severity = message.fatal === true ? 'error' : (message.fatal === false ? 'warning' : 'info');
			const rule = message.ruleId ? `${message.source ? `${message.source}:` : ''}${message.ruleId}` : 'unknown';
			console.log(`${displayPath}:${message.line ?? 1}:${message.column ?? 1}: ${severity} ${message.reason} [${rule}]`);
		}
	}
} catch (error) {
	console.error(`awesome-lint.mjs: ${error?.stack ?? error}`);
	process.exit(1);
}

if (findings > 0) {
	console.log(`\n${findings} awesome-lint finding(s)`);
	process.exitCode = 1;
} else {
	console.log(`${path.relative(process.cwd(), readmePath) || readmePath}: no awesome-lint issues`);
}
