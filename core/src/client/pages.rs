//! Cursor pagination: one page at a time, or an iterator over every item.

#[cfg(feature = "client")]
use std::collections::VecDeque;

use serde::Serialize;
use serde::de::DeserializeOwned;

#[cfg(feature = "client")]
use super::{Avara, encoding::Operation, error::ApiError};
use crate::models::*;

/// A page of a list operation.
pub trait ListPage: DeserializeOwned {
    type Item;
    /// The items, the cursor of the next page and `hasMore`.
    fn into_parts(self) -> (Vec<Self::Item>, Option<String>, bool);
}

/// Where an operation's result stands in paging: `Some((hasMore, item count, cursor))`
/// for a page of a list, `None` for every other result.
pub trait Paging {
    fn paging(&self) -> Option<(bool, usize, Option<&str>)>;
}

/// List parameters, which carry the cursor of the page to fetch.
pub trait CursorParams: Clone + Serialize + Validate {
    fn set_cursor(&mut self, cursor: String);
}

macro_rules! paginated {
    ($($page:ty => $item:ty, $items:ident, $params:ty;)*) => {$(
        impl ListPage for $page {
            type Item = $item;
            fn into_parts(self) -> (Vec<$item>, Option<String>, bool) {
                (self.$items, self.cursor, self.has_more)
            }
        }

        impl Paging for $page {
            fn paging(&self) -> Option<(bool, usize, Option<&str>)> {
                Some((self.has_more, self.$items.len(), self.cursor.as_deref()))
            }
        }

        impl CursorParams for $params {
            fn set_cursor(&mut self, cursor: String) {
                self.cursor = Some(cursor);
            }
        }
    )*};
}

paginated! {
    StudyListPage => ViewerStudy, studies, StudyListParams;
    UserListPage => ViewerUser, users, UserListParams;
    InvitationListPage => ViewerInvitation, invitations, InvitationListParams;
    ExpressCustomerListPage => ExpressCustomer, express_customers, ExpressListParams;
}

macro_rules! not_paginated {
    ($($result:ty),*) => {$(
        impl Paging for $result {
            fn paging(&self) -> Option<(bool, usize, Option<&str>)> {
                None
            }
        }
    )*};
}

not_paginated!(
    ViewerStudy,
    ViewerUser,
    ViewerInvitation,
    ExpressCustomer,
    SuccessResponse,
    UrlResponse
);

/// The cursor of the page after one with `item_count` items, or `None` when that page is
/// the last: `hasMore` is false, the page is empty, or it carries no cursor.
pub fn next_cursor(has_more: bool, item_count: usize, cursor: Option<String>) -> Option<String> {
    cursor.filter(|cursor| has_more && item_count > 0 && !cursor.is_empty())
}

#[cfg(feature = "client")]
/// Walks every page, keeping all filters. Stops when `hasMore` is false, a page is
/// empty, or a page has no cursor. Yields an error once, then ends.
pub struct AutoPager<'a, P: CursorParams, Page: ListPage> {
    client: &'a Avara,
    operation: &'static Operation,
    next: Option<P>,
    buffer: VecDeque<Page::Item>,
}

#[cfg(feature = "client")]
impl<'a, P: CursorParams, Page: ListPage> AutoPager<'a, P, Page> {
    pub(crate) fn new(client: &'a Avara, operation: &'static Operation, params: P) -> Self {
        Self {
            client,
            operation,
            next: Some(params),
            buffer: VecDeque::new(),
        }
    }
}

#[cfg(feature = "client")]
impl<P: CursorParams, Page: ListPage> Iterator for AutoPager<'_, P, Page> {
    type Item = Result<Page::Item, ApiError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.buffer.is_empty() {
            let params = self.next.take()?;
            let page: Page = match self.client.send(self.operation, &params) {
                Ok(page) => page,
                Err(error) => return Some(Err(error)),
            };
            let (items, cursor, has_more) = page.into_parts();
            if let Some(cursor) = next_cursor(has_more, items.len(), cursor) {
                let mut following = params;
                following.set_cursor(cursor);
                self.next = Some(following);
            }
            self.buffer.extend(items);
        }
        self.buffer.pop_front().map(Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::next_cursor;

    #[test]
    fn paging_stops_on_has_more_false_an_empty_page_or_no_cursor() {
        assert_eq!(next_cursor(true, 3, Some("c2".into())), Some("c2".into()));
        assert_eq!(next_cursor(false, 3, Some("c2".into())), None);
        assert_eq!(next_cursor(true, 0, Some("c2".into())), None);
        assert_eq!(next_cursor(true, 3, None), None);
        assert_eq!(next_cursor(true, 3, Some(String::new())), None);
    }
}
