// Preloaded into the app by the sync-during-reports benchmark (`node --import <this> build`):
// samples the event loop's delay, and on SIGUSR2 writes the delay since the previous signal to
// $SHOPWALK_LOOP_DELAY_OUT as JSON (milliseconds) and starts a new window.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const out = process.env.SHOPWALK_LOOP_DELAY_OUT;
if (out) {
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	let window = 0;
	process.on('SIGUSR2', () => {
		const ms = (ns) => ns / 1e6;
		writeFileSync(
			out,
			JSON.stringify({
				window: ++window,
				samples: histogram.count,
				p50: ms(histogram.percentile(50)),
				p99: ms(histogram.percentile(99)),
				max: ms(histogram.max)
			})
		);
		histogram.reset();
	});
}
