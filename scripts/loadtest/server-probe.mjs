// Preloaded into a server the load test starts itself (node --import …/server-probe.mjs), so the
// server's event-loop delay is measured even when its build has no /healthz yet. Once a second it
// prints one line: `loadtest-probe {"loopP99Ms":…,"rssMb":…}` for the window since the last line.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
setInterval(() => {
	const p99 =
		histogram.count > 0 ? Math.max(0, histogram.percentile(99) / 1e6 - RESOLUTION_MS) : null;
	const max = histogram.count > 0 ? Math.max(0, histogram.max / 1e6 - RESOLUTION_MS) : null;
	histogram.reset();
	const rssMb = process.memoryUsage.rss() / (1024 * 1024);
	process.stdout.write(
		`loadtest-probe ${JSON.stringify({ loopP99Ms: p99, loopMaxMs: max, rssMb })}\n`
	);
}, 1000).unref();
