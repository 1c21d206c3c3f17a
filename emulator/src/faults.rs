//! Seeded fault decisions: the same seed and the same order of API requests give the
//! same faults, so a failing resilience test can be replayed.

use crate::config::Faults;

/// What happens to one API request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    None,
    /// 429 before anything is applied.
    RateLimited,
    /// An error status; `after_apply` means the operation ran (and its answer was
    /// recorded for idempotent replay) before the error replaced it.
    Status {
        status: u16,
        after_apply: bool,
    },
    /// The connection is closed without an answer, after the request was read.
    Drop {
        after_apply: bool,
    },
}

/// `SplitMix64`: tiny, fast and good enough to spread faults evenly.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub(crate) struct FaultInjector {
    faults: Faults,
    seed: u64,
    random: SplitMix64,
}

impl FaultInjector {
    pub(crate) fn new(faults: Faults, seed: u64) -> FaultInjector {
        FaultInjector {
            faults,
            seed,
            random: SplitMix64(seed),
        }
    }

    pub(crate) fn faults(&self) -> &Faults {
        &self.faults
    }

    /// New settings; the sequence starts over from the seed.
    pub(crate) fn reset(&mut self, faults: Faults) {
        self.faults = faults;
        self.random = SplitMix64(self.seed);
    }

    /// Every request draws the same three numbers, whatever it turns out to be, so one
    /// request's outcome never shifts the sequence of the next ones.
    pub(crate) fn next(&mut self) -> Fault {
        let roll = self.random.unit();
        let pick = self.random.next();
        let after_apply = self.random.unit() < self.faults.after_apply_ratio;
        let Faults {
            rate_limit_rate,
            error_rate,
            drop_rate,
            ..
        } = self.faults;
        if roll < rate_limit_rate {
            Fault::RateLimited
        } else if roll < rate_limit_rate + error_rate {
            let statuses = &self.faults.error_statuses;
            let index = usize::try_from(pick % statuses.len() as u64).unwrap_or(0);
            Fault::Status {
                status: statuses[index],
                after_apply,
            }
        } else if roll < rate_limit_rate + error_rate + drop_rate {
            Fault::Drop { after_apply }
        } else {
            Fault::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sequence(seed: u64, faults: &Faults, count: usize) -> Vec<Fault> {
        let mut injector = FaultInjector::new(faults.clone(), seed);
        (0..count).map(|_| injector.next()).collect()
    }

    #[test]
    fn same_seed_same_faults_and_rates_roughly_hold() {
        let faults = Faults {
            error_rate: 0.2,
            rate_limit_rate: 0.1,
            drop_rate: 0.1,
            ..Faults::default()
        };
        let first = sequence(7, &faults, 2000);
        assert_eq!(first, sequence(7, &faults, 2000));
        assert_ne!(first, sequence(8, &faults, 2000));
        let count = |wanted: fn(&Fault) -> bool| first.iter().filter(|fault| wanted(fault)).count();
        let errors = count(|fault| matches!(fault, Fault::Status { .. }));
        let limited = count(|fault| matches!(fault, Fault::RateLimited));
        let drops = count(|fault| matches!(fault, Fault::Drop { .. }));
        assert!((320..480).contains(&errors), "{errors}");
        assert!((140..260).contains(&limited), "{limited}");
        assert!((140..260).contains(&drops), "{drops}");
        assert!(first.contains(&Fault::Status {
            status: 500,
            after_apply: true
        }));
        assert!(first.contains(&Fault::Status {
            status: 503,
            after_apply: false
        }));
        assert!(first.contains(&Fault::Drop { after_apply: true }));
    }

    #[test]
    fn no_rates_no_faults_and_reset_restarts() {
        assert!(
            sequence(1, &Faults::default(), 500)
                .iter()
                .all(|fault| *fault == Fault::None)
        );
        let faults = Faults {
            error_rate: 0.5,
            ..Faults::default()
        };
        let mut injector = FaultInjector::new(faults.clone(), 3);
        let first: Vec<Fault> = (0..20).map(|_| injector.next()).collect();
        injector.reset(faults);
        let again: Vec<Fault> = (0..20).map(|_| injector.next()).collect();
        assert_eq!(first, again);
    }
}
