#!/usr/bin/env node
// What `npm test` needs before it starts, checked first so that a machine without a browser stops
// at once with the one command that installs what is missing, not minutes later in one suite.
// `--missing-packages` prints only the Debian packages to install (for .ci/run), one line.
import { accessSync, constants, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromium.mjs';
import { FIREFOX_PATH } from './firefox.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each prerequisite, where it must be, and what installs it. */
export const PREREQUISITES = [
  { what: 'Chromium', path: CHROMIUM_PATH, program: true, aptPackage: 'chromium' },
  { what: 'Firefox ESR', path: FIREFOX_PATH, program: true, aptPackage: 'firefox-esr' },
  { what: 'node_modules', path: `${ROOT}node_modules`, program: false, npm: true },
];

/** The prerequisites `present(prerequisite)` says are missing. */
export function missingPrerequisites(present) {
  return PREREQUISITES.filter((p) => !present(p));
}

/** The one command that installs what is missing (browsers first: `npm ci` runs the build's prepare step). */
export function installCommand(missing) {
  const packages = missing.filter((p) => p.aptPackage).map((p) => p.aptPackage);
  const steps = [];
  if (packages.length > 0) steps.push(`sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
  if (missing.some((p) => p.npm)) steps.push('npm ci');
  return steps.join(' && ');
}

/** What to print and the exit code: 0 and nothing when all is there, else 1 and one line. */
export function verdict(missing) {
  if (missing.length === 0) return { exitCode: 0, message: '' };
  const names = missing.map((p) => `${p.what} (${p.path})`).join(', ');
  return {
    exitCode: 1,
    message: `Missing ${names}: install with \`${installCommand(missing)}\`, then run npm test again.`,
  };
}

/** A browser must be a program this user can run; node_modules a folder that is there. */
function present({ path, program }) {
  if (!program) return existsSync(path);
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = missingPrerequisites(present);
  if (process.argv.includes('--missing-packages')) {
    process.stdout.write(`${missing.flatMap((p) => (p.aptPackage ? [p.aptPackage] : [])).join(' ')}\n`);
  } else {
    const { exitCode, message } = verdict(missing);
    if (message) process.stderr.write(`${message}\n`);
    process.exitCode = exitCode;
  }
}
