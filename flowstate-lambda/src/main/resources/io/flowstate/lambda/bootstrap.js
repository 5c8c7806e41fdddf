// Flowstate's Lambda bootstrap for Node.js functions: one warm execution environment.
//
// Loads the handler once (the init phase), then answers invocations one at a time: one JSON line per invocation
// on stdin ({requestId, payload, deadlineMs, functionArn, clientContext}), one JSON line per answer on stdout
// ({requestId, result: base64} or {requestId, error}). The function's console and stdout go to stderr, the log
// stream; after each invocation a marker line there tells the server that invocation's log is complete.
//
// What the function sees and answers follows AWS's Node.js runtime (aws-lambda-nodejs-runtime-interface-client):
// JSON.stringify of the resolved value (or of the callback's), {errorType, errorMessage, trace} for an error,
// console lines as "<time>\t<requestId>\tINFO\t<message>", and paths under the task root shown as /var/task.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const util = require('util');
const { pathToFileURL } = require('url');

const TASK_ROOT = process.env.LAMBDA_TASK_ROOT;
const END_MARKER = '\x1eflowstate-end ';
let requestId = '';

const toLog = (text) => fs.writeSync(2, text);
process.stdout.write = (chunk, encoding, cb) => process.stderr.write(chunk, encoding, cb);
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'],
                               ['debug', 'DEBUG'], ['trace', 'TRACE']]) {
  console[method] = (...args) => toLog(`${new Date().toISOString()}\t${requestId}\t${level}\t`
      + `${util.format(...args).replace(/\n/g, '\r')}\n`);
}

const awsPath = (text) => String(text).split(TASK_ROOT + path.sep).join('/var/task/')
    .split(pathToFileURL(TASK_ROOT).href + '/').join('file:///var/task/');

function errorPayload(error) {
  if (error instanceof Error || (error && error.stack && error.message !== undefined)) {
    // This bootstrap's own frames are an implementation detail (AWS shows its runtime's, under /var/runtime).
    const trace = String(error.stack).split('\n').filter((line) => !line.includes(__filename));
    return { errorType: error.name, errorMessage: awsPath(error.message), trace: trace.map(awsPath) };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

class RuntimeError extends Error {
  constructor(name, message) { super(message); this.name = name; }
}

function moduleFile(root, name) {
  for (const ext of ['.js', '.mjs', '.cjs']) {
    const file = path.resolve(root, name + ext);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

function isModuleType(dir) {
  for (let d = dir; d.startsWith(TASK_ROOT); d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(pkg)) {
      try { return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module'; } catch (e) { return false; }
    }
    if (d === TASK_ROOT) break;
  }
  return false;
}

async function loadHandler(handlerString) {
  const base = path.basename(handlerString);
  const match = /^([^.]*)\.(.*)$/.exec(base);
  if (!match) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerString}`);
  const [, moduleName, handlerPath] = match;
  const root = path.resolve(TASK_ROOT, path.dirname(handlerString));
  const file = moduleFile(root, moduleName);
  let mod;
  try {
    if (file === null) {
      mod = require(require.resolve(moduleName, { paths: [root] }));
    } else if (file.endsWith('.mjs') || (file.endsWith('.js') && isModuleType(path.dirname(file)))) {
      mod = await import(pathToFileURL(file).href);
    } else {
      mod = require(file);
    }
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && file === null) {
      throw new RuntimeError('Runtime.ImportModuleError',
          `Error: Cannot find module '${moduleName}'\nRequire stack:\n- /var/runtime/index.mjs`);
    }
    throw e;
  }
  let fn = handlerPath.split('.').reduce((o, key) => (o == null ? undefined : o[key]), mod);
  if (fn === undefined && mod && mod.default) {
    fn = handlerPath.split('.').reduce((o, key) => (o == null ? undefined : o[key]), mod.default);
  }
  if (fn === undefined) {
    throw new RuntimeError('Runtime.HandlerNotFound', `${base} is undefined or not exported`);
  }
  if (typeof fn !== 'function') throw new RuntimeError('Runtime.HandlerNotFound', `${base} is not a function`);
  return fn;
}

function context(request) {
  const env = process.env;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: request.functionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: request.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: request.clientContext == null ? undefined : JSON.parse(request.clientContext),
    getRemainingTimeInMillis: () => Math.max(0, request.deadlineMs - Date.now()),
  };
}

function run(handler, event, ctx) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error == null ? resolve(result) : reject(error));
    Object.assign(ctx, { done: callback, succeed: (r) => resolve(r), fail: (e) => reject(e) });
    try {
      const returned = handler(event, ctx, callback);
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
      else if (handler.length < 3) resolve(returned);
    } catch (e) {
      reject(e);
    }
  });
}

function answer(line) {
  toLog(`${END_MARKER}${requestId}\n`);
  fs.writeSync(1, JSON.stringify(line) + '\n');
}

function fail(request, error) {
  const payload = errorPayload(error);
  console.error('Invoke Error', JSON.stringify(payload));
  return { requestId: request.requestId, error: JSON.stringify(payload) };
}

async function main() {
  let handler;
  let initError = null;
  try {
    handler = await loadHandler(process.env._HANDLER);
  } catch (e) {
    initError = e;
    console.error(e && e.name && e.name.startsWith('Runtime.') ? `${e.name}: ${e.message}` : e);
  }
  fs.writeSync(1, JSON.stringify({ ready: true }) + '\n');
  let current = null;
  const crash = (error) => {
    if (current === null) return;
    answer(Object.assign(fail(current, error), { exit: true }));
    process.exit(128);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const request = JSON.parse(line);
    current = request;
    requestId = request.requestId;
    if (initError !== null) {
      answer(Object.assign(fail(request, initError), { exit: true }));
      process.exit(129);
    }
    let reply;
    try {
      const result = await run(handler, JSON.parse(request.payload), context(request));
      const text = JSON.stringify(result === undefined ? null : result);
      reply = { requestId: request.requestId, result: Buffer.from(text, 'utf8').toString('base64') };
    } catch (e) {
      reply = fail(request, e);
    }
    answer(reply);
    current = null;
  }
}

main();
