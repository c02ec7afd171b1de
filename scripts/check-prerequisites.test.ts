import { describe, expect, it } from 'vitest';
import { installCommand, missingPrerequisites, PREREQUISITES, verdict } from './check-prerequisites.mjs';
import { CHROMIUM_PATH } from './chromium.mjs';
import { FIREFOX_PATH } from './firefox.mjs';

const NODE_MODULES = PREREQUISITES.find((p) => p.npm)?.path ?? '';
/** The check's answer on a machine where only `paths` are there. */
const onMachineWith = (...paths: string[]) => verdict(missingPrerequisites((p) => paths.includes(p.path)));

describe('check-prerequisites', () => {
  it('says nothing and exits 0 when the browsers and node_modules are there', () => {
    expect(onMachineWith(CHROMIUM_PATH, FIREFOX_PATH, NODE_MODULES)).toEqual({ exitCode: 0, message: '' });
  });

  it('names a missing Firefox ESR and installs only it', () => {
    const { exitCode, message } = onMachineWith(CHROMIUM_PATH, NODE_MODULES);
    expect(exitCode).not.toBe(0);
    expect(message).toContain(`Firefox ESR (${FIREFOX_PATH})`);
    expect(message).not.toContain('Chromium');
    expect(message).toContain('`sudo apt-get update && sudo apt-get install -y firefox-esr`');
  });

  it('installs both browsers in one command when both are missing', () => {
    const { exitCode, message } = onMachineWith(NODE_MODULES);
    expect(exitCode).not.toBe(0);
    expect(message).toContain(`Chromium (${CHROMIUM_PATH}), Firefox ESR (${FIREFOX_PATH})`);
    expect(message).toContain('`sudo apt-get update && sudo apt-get install -y chromium firefox-esr`');
  });

  it('asks for npm ci when node_modules is missing, after the browsers', () => {
    expect(onMachineWith(CHROMIUM_PATH, FIREFOX_PATH).message).toContain('install with `npm ci`');
    expect(installCommand(missingPrerequisites(() => false))).toBe(
      'sudo apt-get update && sudo apt-get install -y chromium firefox-esr && npm ci',
    );
  });

  it('says it in one line', () => {
    expect(onMachineWith().message).not.toContain('\n');
  });

  it('checks the very paths the tests and the bench launch', () => {
    expect(PREREQUISITES.filter((p) => p.program).map((p) => p.path)).toEqual([CHROMIUM_PATH, FIREFOX_PATH]);
  });
});
