//! Cursor pagination in creation order. A cursor is opaque base64 of the list's name
//! and the position of the last row shown; the next page starts after that row, so
//! rows created meanwhile are picked up at the end and none is shown twice.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64;

use crate::errors::ApiFailure;

pub(crate) const DEFAULT_LIMIT: u32 = 20;

pub(crate) struct Page<T> {
    pub items: Vec<T>,
    /// Present only when more rows follow.
    pub cursor: Option<String>,
    pub has_more: bool,
}

fn encode(list: &str, position: usize) -> String {
    BASE64.encode(format!("{list}:{position}"))
}

fn decode(list: &str, cursor: &str) -> Result<usize, ApiFailure> {
    let bad = || {
        ApiFailure::invalid_params(
            "cursor",
            format!("is not a cursor of the {list} list; pass the `cursor` of the previous page"),
        )
    };
    let text = BASE64
        .decode(cursor.trim_end_matches('='))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(bad)?;
    let (name, position) = text.split_once(':').ok_or_else(bad)?;
    if name != list {
        return Err(bad());
    }
    position.parse().map_err(|_| bad())
}

/// One page of `rows` (matching rows with their positions, oldest first).
pub(crate) fn paginate<T>(
    list: &str,
    cursor: Option<&str>,
    limit: Option<u32>,
    rows: impl Iterator<Item = (usize, T)>,
) -> Result<Page<T>, ApiFailure> {
    let after = cursor.map(|cursor| decode(list, cursor)).transpose()?;
    let limit = usize::try_from(limit.unwrap_or(DEFAULT_LIMIT)).unwrap_or(usize::MAX);
    let mut rows = rows
        .filter(|(position, _)| after.is_none_or(|after| *position > after))
        .peekable();
    let mut items = Vec::new();
    let mut last = None;
    while items.len() < limit {
        let Some((position, row)) = rows.next() else {
            break;
        };
        items.push(row);
        last = Some(position);
    }
    let has_more = rows.peek().is_some();
    let cursor = last
        .filter(|_| has_more)
        .map(|position| encode(list, position));
    Ok(Page {
        items,
        cursor,
        has_more,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_every_row_once() {
        let rows = || (0..7).filter(|n| n % 3 != 1).map(|n| (n, n * 10));
        let first = paginate("studies", None, Some(2), rows()).unwrap();
        assert_eq!((first.items.clone(), first.has_more), (vec![0, 20], true));
        let second = paginate("studies", first.cursor.as_deref(), Some(2), rows()).unwrap();
        assert_eq!(
            (second.items.clone(), second.has_more),
            (vec![30, 50], true)
        );
        let last = paginate("studies", second.cursor.as_deref(), Some(2), rows()).unwrap();
        assert_eq!(
            (last.items, last.has_more, last.cursor),
            (vec![60], false, None)
        );
        let everything = paginate("studies", None, None, rows()).unwrap();
        assert_eq!(everything.items.len(), 5);
    }

    #[test]
    fn refuses_foreign_or_broken_cursors() {
        let users = encode("users", 3);
        for bad in [users.as_str(), "%%%", "c3R1ZGllczp4"] {
            let error = paginate(
                "studies",
                Some(bad),
                None,
                std::iter::empty::<(usize, ())>(),
            )
            .err()
            .unwrap();
            assert_eq!(error.field.as_deref(), Some("cursor"), "{bad}");
        }
    }
}
