'use strict';
/*
 * Bench-only preload (`node --require bench/support/eventloop-probe.js dist/src/main.js`); the app never loads it.
 * It measures the event-loop delay of the server's main thread and answers the bench over the IPC channel, which
 * exists only when a parent spawned the process with an 'ipc' stdio slot: nothing of it is reachable over HTTP.
 */
const { isMainThread } = require('node:worker_threads');

if (isMainThread && typeof process.send === 'function') {
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('message', (message) => {
    if (!message || typeof message.probe !== 'string') return;
    if (message.probe === 'reset') histogram.reset();
    process.send({
      probe: message.probe,
      delayP50Ms: ms(histogram.percentile(50)),
      delayP99Ms: ms(histogram.percentile(99)),
      delayMaxMs: ms(histogram.max),
      // Peak resident set size of the whole process (worker threads included) since it started.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      // The resident set size now (bench:import samples it to see whether memory stays flat).
      rssMb: Math.round(process.memoryUsage.rss() / (1024 * 1024)),
      // The main thread's V8 heap (RSS minus this is native memory, worker threads and code).
      heapTotalMb: Math.round(process.memoryUsage().heapTotal / (1024 * 1024)),
    });
  });
  // The channel must not keep the server alive once the app has closed.
  process.channel.unref();
}
