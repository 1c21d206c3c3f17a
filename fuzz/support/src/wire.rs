//! Reading URLs back as a server does.

/// Decodes `%XX` escapes; anything else, including a broken escape, stays as it is.
pub fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escape = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok());
        match escape {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    decoded
}

/// Matches a path against an operation's template (`/v1/viewer/studies/{studyId}`):
/// the placeholders' names and decoded values, and how many literal segments matched.
pub fn match_template<'t>(
    template: &'t str,
    path: &str,
) -> Option<(Vec<(&'t str, Vec<u8>)>, usize)> {
    let parts: Vec<&str> = template.split('/').collect();
    let segments: Vec<&str> = path.split('/').collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut params = Vec::new();
    let mut literals = 0;
    for (part, segment) in parts.into_iter().zip(segments) {
        let decoded = percent_decode(segment);
        match part
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
        {
            Some(_) if decoded.is_empty() => return None,
            Some(name) => params.push((name, decoded)),
            None if part.as_bytes() == decoded => literals += 1,
            None => return None,
        }
    }
    Some((params, literals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_keeps_broken_ones() {
        assert_eq!(percent_decode("a%20b%2Cc%zz%4"), b"a b,c%zz%4");
    }

    #[test]
    fn matches_templates_by_decoded_segments() {
        let template = "/v1/viewer/studies/{studyId}";
        assert_eq!(
            match_template(template, "/v1/viewer/stud%69es/stu_%31"),
            Some((vec![("studyId", b"stu_1".to_vec())], 4))
        );
        assert_eq!(match_template(template, "/v1/viewer/studies/"), None);
        assert_eq!(match_template(template, "/v1/viewer/studies"), None);
    }
}
