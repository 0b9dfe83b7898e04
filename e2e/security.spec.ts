/**
 * The window as an attacker who got script into it would find it: no eval (the CSP has no
 * 'unsafe-eval'), no inline script, no Node (`require`, `process`, `module`, `Buffer` are not there).
 * Listed with the rest of the checklist in docs/security.md.
 */
import { test, expect } from './fixtures';

test('the page cannot eval or run injected inline script: the CSP blocks both', async ({ app }) => {
  await expect(app.getByText('UPI Inspector').first()).toBeVisible();
  const attempts = await app.evaluate(async () => {
    const outcome = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (e) {
        return e instanceof Error ? e.name : String(e);
      }
    };
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    // DevTools' own evaluation (this function) is exempt from the page's CSP; a task the page runs
    // later is not. So eval is tried from a timer callback, as injected code would run.
    const later = <T,>(run: () => T) => new Promise<T>((done) => setTimeout(() => done(run()), 0));
    const results = {
      eval: await later(() => outcome(() => eval('1 + 1'))),
      newFunction: await later(() => outcome(() => new Function('return 1')())),
      stringTimer: 'untested',
      inlineScript: 'untested',
    };
    const flags = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    // A string handed to setTimeout is eval'd too.
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = true;', 0);
    await new Promise((done) => setTimeout(done, 200));
    results.inlineScript = flags.__injected === true ? 'ran' : 'blocked';
    results.stringTimer = flags.__timer === true ? 'ran' : 'blocked';
    return { results, violations: [...new Set(violations)].sort() };
  });
  expect(attempts.results).toEqual({ eval: 'EvalError', newFunction: 'EvalError', inlineScript: 'blocked', stringTimer: 'blocked' });
  expect(attempts.violations).toEqual(['script-src', 'script-src-elem']);
});

test('the page has no Node: require, process, module and Buffer are undefined', async ({ app }) => {
  await expect(app.getByText('UPI Inspector').first()).toBeVisible();
  const globals = await app.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('the browser host takes API calls only as application/json: a form or text post from another page is refused', async ({ host, request }) => {
  const headers = { 'x-upi-inspector-token': host.token };
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
    const reply = await request.post(`${host.origin}/api/app:info`, { data: '{}', headers: { ...headers, 'content-type': contentType } });
    expect(reply.status(), contentType).toBe(415);
    expect((await reply.json()).error.code).toBe('unsupported_media_type');
  }
  const good = await request.post(`${host.origin}/api/app:info`, { data: {}, headers });
  expect(good.status()).toBe(200);
});
