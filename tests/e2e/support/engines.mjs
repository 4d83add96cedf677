// The three browser engines through W3C WebDriver (selenium-webdriver's client only:
// it never downloads a browser or a driver). Each driver is a Debian package or a
// crates.io build that .ci/install-tools puts in place: chromedriver (Debian
// chromium-driver), geckodriver (cargo, into the tools folder) for Debian's
// firefox-esr, and WebKitWebDriver (Debian webkit2gtk-driver), run under xvfb-run
// because MiniBrowser cannot start headless here.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './harness.mjs';
import { Builder } from 'selenium-webdriver';

const TOOLS = process.env.GRADIENT_TOOLS ?? join(homedir(), '.cache', 'gradient-spec-tools');

export const ENGINES = {
  chromium: {
    driver: (port) => ['/usr/bin/chromedriver', [`--port=${port}`]],
    caps: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'gse-wd-chromium-'))}`],
      },
    }),
  },
  firefox: {
    driver: (port) => [join(TOOLS, 'bin', 'geckodriver'), ['--port', String(port), '--binary', '/usr/bin/firefox-esr']],
    caps: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        // Keep Firefox off the network (no updates, telemetry or captive portal checks).
        prefs: {
          'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
          'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
          'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
        },
      },
    }),
  },
  webkit: {
    driver: (port) => ['xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`]],
    caps: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
  },
};

/** Whether the engine's driver is installed (`make tools` installs all three). */
export function available(name) {
  const [cmd] = ENGINES[name].driver(0);
  return cmd === 'xvfb-run' ? existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/xvfb-run') : existsSync(cmd);
}

/** Starts `name`'s driver and a browser session; returns { driver, quit }. */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const [cmd, args] = engine.driver(port);
  // Its own process group, so quitting ends xvfb-run's X server and the driver too.
  const proc = spawn(cmd, args, { stdio: 'ignore', detached: true });
  await waitForPort(port, 20000, 'driver');
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(engine.caps()).build();
  return {
    driver,
    quit: async () => {
      try { await driver.quit(); } finally { try { process.kill(-proc.pid); } catch { /* gone */ } }
    },
  };
}
