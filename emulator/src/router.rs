//! Finds the contract operation for a method and path, with its path parameters.

use avara::client::Operation;
use avara::client::operations::ALL;

use crate::query::percent_decode;

#[derive(Debug, PartialEq)]
pub(crate) struct Route {
    pub operation: &'static Operation,
    /// Wire name and decoded value of each `{placeholder}`.
    pub path_params: Vec<(&'static str, String)>,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Resolution {
    Found(Route),
    /// The path exists, but not for this method; the methods it takes.
    WrongMethod(Vec<&'static str>),
    NotFound,
}

/// Matches `path` against a template; on success the placeholders' values and the
/// number of literal segments (more literals win, so `/users/invitations` is the
/// invitation list, not the user called "invitations").
fn matches(
    template: &'static str,
    segments: &[String],
) -> Option<(Vec<(&'static str, String)>, usize)> {
    let parts: Vec<&'static str> = template.split('/').collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut params = Vec::new();
    let mut literals = 0;
    for (part, segment) in parts.iter().zip(segments) {
        if let Some(name) = part
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
        {
            if segment.is_empty() {
                return None;
            }
            params.push((name, segment.clone()));
        } else if part == segment {
            literals += 1;
        } else {
            return None;
        }
    }
    Some((params, literals))
}

pub(crate) fn resolve(method: &str, raw_path: &str) -> Resolution {
    let segments: Vec<String> = raw_path
        .split('/')
        .map(|segment| percent_decode(segment, false))
        .collect();
    let mut best: Option<(usize, Route)> = None;
    let mut other_methods = Vec::new();
    for operation in ALL {
        let Some((path_params, literals)) = matches(operation.path, &segments) else {
            continue;
        };
        if operation.method.as_str() != method {
            other_methods.push(operation.method.as_str());
            continue;
        }
        if best.as_ref().is_none_or(|(score, _)| literals > *score) {
            best = Some((
                literals,
                Route {
                    operation,
                    path_params,
                },
            ));
        }
    }
    match best {
        Some((_, route)) => Resolution::Found(route),
        None if other_methods.is_empty() => Resolution::NotFound,
        None => {
            other_methods.sort_unstable();
            other_methods.dedup();
            Resolution::WrongMethod(other_methods)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use avara::client::operations;

    fn found(method: &str, path: &str) -> Route {
        match resolve(method, path) {
            Resolution::Found(route) => route,
            other => panic!("{method} {path}: {other:?}"),
        }
    }

    #[test]
    fn every_operation_is_reachable_and_literals_win() {
        for operation in ALL {
            let path = operation
                .path
                .replace("{studyInstanceUid}", "1.2.3")
                .replace(['{', '}'], "");
            assert_eq!(
                found(operation.method.as_str(), &path).operation,
                operation,
                "{path}"
            );
        }
        assert_eq!(
            found("GET", "/v1/viewer/users/invitations").operation,
            &operations::INVITATIONS_LIST
        );
        assert_eq!(
            found("POST", "/v1/viewer/studies/cancel").operation,
            &operations::STUDIES_CANCEL
        );
        let by_uid = found("GET", "/v1/viewer/studies/by-uid/1.2.840%2E10008");
        assert_eq!(
            by_uid.path_params,
            vec![("studyInstanceUid", "1.2.840.10008".to_owned())]
        );
    }

    #[test]
    fn unknown_paths_and_methods() {
        assert_eq!(resolve("GET", "/v1/nothing"), Resolution::NotFound);
        assert_eq!(resolve("GET", "/v1/viewer/studies/"), Resolution::NotFound);
        assert_eq!(
            resolve("PUT", "/v1/express"),
            Resolution::WrongMethod(vec!["GET", "POST"])
        );
    }
}
