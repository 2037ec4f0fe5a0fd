// lab_client.mjs drives a concurlab kernel through JupyterLab's own client
// library, @jupyterlab/services, the way the JupyterLab UI does: REST calls
// to a Jupyter server to start, interrupt, restart and shut down the kernel,
// and the kernel websocket for its messages.
//
// Usage: node lab_client.mjs SERVER_URL TOKEN
//
// It prints one line per check and exits with status 1 at the first
// mismatch, naming the check and what it got.

import { KernelAPI, KernelManager, KernelSpecAPI, ServerConnection } from '@jupyterlab/services';

// WAIT_MS bounds every wait for the server or the kernel.
const WAIT_MS = 20000;

// withTimeout settles as promise does, or rejects after ms saying what it waited for.
function withTimeout(promise, what, ms = WAIT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// expect throws an error with message unless ok.
function expect(ok, message) {
  if (!ok) {
    throw new Error(message);
  }
}

const show = (value) => JSON.stringify(value);

// start sends an execute_request and returns its future, the IOPub messages
// it publishes (status messages left out), filled in as they arrive, and a
// promise that resolves when the kernel announces the cell with execute_input.
function start(kernel, code) {
  const future = kernel.requestExecute({ code });
  const outputs = [];
  let announce;
  const started = new Promise((resolve) => {
    announce = resolve;
  });
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'execute_input') {
      announce();
    }
    if (msg.header.msg_type !== 'status') {
      outputs.push(msg);
    }
  };
  return { future, outputs, started };
}

// finish waits for the reply and the idle status of an execution that start began.
async function finish({ future, outputs }, code) {
  const reply = await withTimeout(future.done, `execute_reply to ${show(code)}`);
  return { reply: reply.content, outputs };
}

// run executes code and returns the reply content and the cell's IOPub messages.
function run(kernel, code) {
  return finish(start(kernel, code), code);
}

// runOK runs code and fails unless the reply's status is ok.
async function runOK(kernel, code) {
  const cell = await run(kernel, code);
  expect(cell.reply.status === 'ok', `${show(code)} replied ${show(cell.reply)}`);
  return cell;
}

const ofType = (outputs, type) => outputs.filter((msg) => msg.header.msg_type === type);

// resultOf returns the text/plain of a cell's execute_result, or undefined.
function resultOf(outputs) {
  const [result] = ofType(outputs, 'execute_result');
  return result?.content.data['text/plain'];
}

const checks = [
  {
    name: 'kernel info',
    async run({ kernel }) {
      const info = await withTimeout(kernel.info, 'kernel_info_reply');
      const lang = info.language_info;
      expect(lang.name === 'go', `language_info.name is ${show(lang.name)}, want "go"`);
      expect(lang.pygments_lexer === 'go', `language_info.pygments_lexer is ${show(lang.pygments_lexer)}, want "go"`);
      expect(info.protocol_version === '5.5', `protocol_version is ${show(info.protocol_version)}, want 5.5`);
      expect(Array.isArray(info.supported_features) && info.supported_features.length === 0,
        `supported_features is ${show(info.supported_features)}, want [] (no optional feature)`);
      return `language ${lang.name}, protocol ${info.protocol_version}, lexer ${lang.pygments_lexer}`;
    }
  },
  {
    name: 'stdout',
    async run({ kernel }) {
      const { reply, outputs } = await runOK(kernel, 'import "fmt"\nfmt.Println("hello from lab")');
      expect(Number.isInteger(reply.execution_count) && reply.execution_count > 0,
        `execution_count is ${show(reply.execution_count)}, want a positive integer`);
      const streams = ofType(outputs, 'stream');
      expect(streams.every((msg) => msg.content.name === 'stdout'), `streams ${show(streams.map((m) => m.content))}, want stdout only`);
      const text = streams.map((msg) => msg.content.text).join('');
      expect(text === 'hello from lab\n', `stdout is ${show(text)}, want "hello from lab\\n"`);
      return `stream ${show(text)}, reply ok, execution_count ${reply.execution_count}`;
    }
  },
  {
    name: 'execute_result',
    async run({ kernel }) {
      const { reply, outputs } = await runOK(kernel, '6 * 7');
      expect(resultOf(outputs) === '42', `execute_result is ${show(resultOf(outputs))}, want "42"`);
      const [result] = ofType(outputs, 'execute_result');
      expect(result.content.execution_count === reply.execution_count,
        `execute_result count ${result.content.execution_count} differs from the reply's ${reply.execution_count}`);
      return `"42" as execution_count ${reply.execution_count}`;
    }
  },
  {
    name: 'updatable display',
    async run({ kernel }) {
      const { outputs } = await runOK(kernel,
        'import "display"\nh := display.Show(display.Bundle{"text/plain": "first"})\nh.Update(display.Bundle{"text/plain": "second"})');
      const shown = outputs.filter((msg) => msg.header.msg_type !== 'execute_input');
      const types = shown.map((msg) => msg.header.msg_type);
      expect(show(types) === show(['display_data', 'update_display_data']), `outputs ${show(types)}, want display_data then update_display_data`);
      const [display, update] = shown;
      const id = display.content.transient?.display_id;
      expect(typeof id === 'string' && id !== '', `display_data has transient ${show(display.content.transient)}, want a display_id`);
      expect(update.content.transient?.display_id === id, `update_display_data has transient ${show(update.content.transient)}, want display_id ${show(id)}`);
      expect(display.content.data['text/plain'] === 'first', `display_data shows ${show(display.content.data)}`);
      expect(update.content.data['text/plain'] === 'second', `update_display_data shows ${show(update.content.data)}`);
      return `display_data "first" then update_display_data "second", display_id ${id}`;
    }
  },
  {
    name: 'panic',
    async run({ kernel }) {
      const { reply, outputs } = await run(kernel, 'panic("boom")');
      expect(reply.status === 'error' && reply.ename === 'panic', `reply ${show(reply)}, want status error, ename "panic"`);
      expect(Array.isArray(reply.traceback) && reply.traceback.length > 0, `reply traceback is ${show(reply.traceback)}, want a non-empty list`);
      const errors = ofType(outputs, 'error');
      expect(errors.length === 1 && errors[0].content.ename === 'panic', `error messages ${show(errors.map((m) => m.content))}, want one with ename "panic"`);
      expect(errors[0].content.traceback.length > 0, 'the error message has an empty traceback');
      return `ename ${reply.ename}, evalue ${show(reply.evalue)}, ${reply.traceback.length} traceback lines`;
    }
  },
  {
    name: 'complete',
    async run({ kernel }) {
      const code = 'fmt.Print';
      const msg = await withTimeout(kernel.requestComplete({ code, cursor_pos: code.length }), 'complete_reply');
      const reply = msg.content;
      expect(reply.status === 'ok', `complete_reply ${show(reply)}`);
      const names = reply.matches.map((match) => match.slice(match.lastIndexOf('.') + 1));
      expect(names.includes('Println') && names.includes('Printf'), `matches ${show(reply.matches)}, want Printf and Println`);
      expect(reply.cursor_end === code.length && reply.cursor_start <= reply.cursor_end,
        `cursor ${reply.cursor_start}..${reply.cursor_end}, want an end at ${code.length}`);
      return `${reply.matches.length} matches (${reply.matches.join(', ')}), cursor ${reply.cursor_start}..${reply.cursor_end}`;
    }
  },
  {
    name: 'inspect',
    async run({ kernel }) {
      const code = 'fmt.Println';
      const msg = await withTimeout(kernel.requestInspect({ code, cursor_pos: code.length, detail_level: 0 }), 'inspect_reply');
      const reply = msg.content;
      expect(reply.status === 'ok' && reply.found === true, `inspect_reply ${show(reply)}, want found`);
      const text = reply.data['text/plain'] ?? '';
      expect(text.includes('Println'), `inspect text ${show(text)} does not mention Println`);
      return `found, ${show(text.split('\n')[0])}`;
    }
  },
  {
    name: 'interrupt',
    async run({ kernel }) {
      await runOK(kernel, 'kept := 7');
      const code = 'for {\n}';
      const loop = start(kernel, code);
      await withTimeout(loop.started, `execute_input of ${show(code)}`);
      await withTimeout(kernel.interrupt(), 'answer to the interrupt request');
      const { reply } = await finish(loop, code);
      expect(reply.status === 'error' && reply.ename === 'Interrupted', `reply ${show(reply)}, want ename "Interrupted"`);
      const { outputs } = await runOK(kernel, 'kept * 6');
      expect(resultOf(outputs) === '42', `after the interrupt "kept * 6" gives ${show(resultOf(outputs))}, want "42"`);
      return 'the endless loop ended with Interrupted; the next cell still sees kept';
    }
  },
  {
    name: 'restart',
    async run({ kernel }) {
      await withTimeout(kernel.restart(), 'restarted kernel');
      await withTimeout(kernel.info, 'kernel_info_reply after the restart');
      const { reply } = await run(kernel, 'kept');
      expect(reply.status === 'error', `after the restart "kept" replied ${show(reply)}, want an error`);
      expect(reply.execution_count === 1, `the first cell after the restart has execution_count ${reply.execution_count}, want 1`);
      const { outputs } = await runOK(kernel, '6 * 7');
      expect(resultOf(outputs) === '42', `after the restart "6 * 7" gives ${show(resultOf(outputs))}`);
      return `counting from 1 again, kept is gone (${reply.ename}: ${show(reply.evalue)}), new cells run`;
    }
  },
  {
    name: 'no stray messages',
    async run({ stray }) {
      expect(stray.length === 0, `replies to this client that answered no request: ${show(stray)}`);
      return 'every shell and control message answered a request of this client';
    }
  },
  {
    name: 'shutdown',
    async run({ kernel, serverSettings }) {
      const id = kernel.id;
      await withTimeout(kernel.shutdown(), 'answer to the shutdown request');
      const running = await withTimeout(KernelAPI.listRunning(serverSettings), 'list of running kernels');
      expect(!running.some((model) => model.id === id), `the server still lists kernel ${id}`);
      return `kernel ${id} is gone from the server`;
    }
  }
];

async function main(url, token) {
  const serverSettings = ServerConnection.makeSettings({ baseUrl: url, token });
  const manager = new KernelManager({ serverSettings });
  let kernel;
  let current = 'kernelspec';
  try {
    const specs = await withTimeout(KernelSpecAPI.getSpecs(serverSettings), 'kernelspecs from the server');
    const spec = specs.kernelspecs.concurlab;
    expect(spec, `the server has no concurlab kernelspec, only ${show(Object.keys(specs.kernelspecs))}`);
    expect(spec.language === 'go', `the kernelspec's language is ${show(spec.language)}, want "go"`);
    console.log(`ok    kernelspec: ${show(spec.display_name)}, language ${spec.language}`);
    current = 'start kernel';
    await withTimeout(manager.ready, 'kernel list from the server');
    kernel = await withTimeout(manager.startNew({ name: 'concurlab' }), 'started kernel');
    console.log(`ok    start kernel: ${kernel.name} ${kernel.id}`);
    const stray = [];
    kernel.unhandledMessage.connect((_, msg) => stray.push(msg.header.msg_type));
    for (const check of checks) {
      current = check.name;
      console.log(`ok    ${check.name}: ${await check.run({ kernel, serverSettings, stray })}`);
    }
    return 0;
  } catch (err) {
    console.log(`FAIL  ${current}: ${err.message}`);
    if (kernel && !kernel.isDisposed) {
      await withTimeout(kernel.shutdown(), 'shutdown after the failure').catch(() => {});
    }
    return 1;
  } finally {
    manager.dispose();
  }
}

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node lab_client.mjs SERVER_URL TOKEN');
  process.exit(2);
}
process.exit(await main(url, token));
