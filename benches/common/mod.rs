//! What the benchmarks share: timing a call over several runs.

use std::time::{Duration, Instant};

pub type Failure = Box<dyn std::error::Error>;

/// The median time of `runs` calls of `f`, after one to warm up; the first failure ends the
/// benchmark with its error.
pub fn median(
    runs: usize,
    mut f: impl FnMut() -> Result<(), Failure>,
) -> Result<Duration, Failure> {
    f()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times[runs / 2])
}
