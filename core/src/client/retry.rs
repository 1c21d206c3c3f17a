//! When to retry and how long to wait, as the official SDKs do it.

use std::time::{Duration, SystemTime};

/// Statuses worth another attempt: timeouts, conflicts, rate limits, server errors.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 409 | 429) || status >= 500
}

/// The server's own verdict in `x-should-retry`, which wins over the status.
pub fn should_retry_header(value: Option<&str>) -> Option<bool> {
    match value?.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Server-requested delay from `retry-after-ms` (milliseconds) or `retry-after`
/// (seconds or an HTTP date), used only when it is positive and at most 60 s.
pub fn server_delay(
    retry_after_ms: Option<&str>,
    retry_after: Option<&str>,
    now: SystemTime,
) -> Option<Duration> {
    let from_ms = retry_after_ms
        .and_then(|text| text.trim().parse::<f64>().ok())
        .map(|ms| ms / 1000.0);
    let from_header = retry_after.and_then(|text| {
        let text = text.trim();
        text.parse::<f64>().ok().or_else(|| {
            let at = httpdate::parse_http_date(text).ok()?;
            Some(
                at.duration_since(now)
                    .map_or(0.0, |wait| wait.as_secs_f64()),
            )
        })
    });
    let seconds = from_ms.or(from_header)?;
    (seconds > 0.0 && seconds <= 60.0).then(|| Duration::from_secs_f64(seconds))
}

/// `min(0.5 · 2^retries, 8)` seconds, shortened by up to 25 % (`jitter` in 0..1).
pub fn backoff(retries_done: u32, jitter: f64) -> Duration {
    let base = (0.5 * 2f64.powi(i32::try_from(retries_done).unwrap_or(i32::MAX))).min(8.0);
    Duration::from_secs_f64(base * (1.0 - 0.25 * jitter.clamp(0.0, 1.0)))
}

/// A uniform number in 0..1 from the OS random source.
pub fn jitter() -> f64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        return 0.0;
    }
    (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_eight_seconds_with_at_most_a_quarter_off() {
        assert_eq!(backoff(0, 0.0), Duration::from_millis(500));
        assert_eq!(backoff(1, 0.0), Duration::from_secs(1));
        assert_eq!(backoff(4, 0.0), Duration::from_secs(8));
        assert_eq!(backoff(30, 0.0), Duration::from_secs(8));
        assert_eq!(backoff(0, 1.0), Duration::from_millis(375));
    }

    #[test]
    fn server_delays_are_honoured_only_within_a_minute() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600);
        assert_eq!(
            server_delay(Some("1500"), Some("9"), now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            server_delay(None, Some("2"), now),
            Some(Duration::from_secs(2))
        );
        assert_eq!(server_delay(None, Some("61"), now), None);
        assert_eq!(server_delay(None, Some("0"), now), None);
        assert_eq!(
            server_delay(None, Some("Thu, 01 Jan 2026 00:00:30 GMT"), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(server_delay(None, Some("soon"), now), None);
    }

    #[test]
    fn statuses_and_header_verdicts() {
        for status in [408, 409, 429, 500, 503] {
            assert!(is_retryable_status(status));
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(!is_retryable_status(status));
        }
        assert_eq!(should_retry_header(Some("true")), Some(true));
        assert_eq!(should_retry_header(Some("false")), Some(false));
        assert_eq!(should_retry_header(Some("maybe")), None);
    }
}
