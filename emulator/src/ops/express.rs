//! Express customers: create, read, update, list, deactivate and reactivate, and the
//! users linked to each.

use std::collections::BTreeSet;

use avara::models::{
    ExpressCreateParams, ExpressCustomer, ExpressCustomerIdParams, ExpressCustomerListPage,
    ExpressListParams, ExpressUpdateParams, ExpressUserParams, SuccessResponse,
};
use serde_json::Value;

use super::{Ctx, parse, to_json};
use crate::clock::iso8601;
use crate::errors::ApiFailure;
use crate::pagination::paginate;
use crate::store::ExpressRecord;

fn not_found(customer_id: &str) -> ApiFailure {
    ApiFailure::not_found(format!("no Express customer {customer_id}"))
}

fn render(record: &ExpressRecord) -> ExpressCustomer {
    let mut customer = record.customer.clone();
    customer.user_count = record.members.len() as u64;
    customer
}

fn record_mut<'a>(
    ctx: &'a mut Ctx<'_>,
    customer_id: &str,
) -> Result<&'a mut ExpressRecord, ApiFailure> {
    ctx.state
        .express
        .get_mut(customer_id)
        .ok_or_else(|| not_found(customer_id))
}

pub(super) fn create(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: ExpressCreateParams = parse(input)?;
    let now = iso8601(ctx.now_ms);
    let customer = ExpressCustomer {
        express_customer_id: ctx.ids.prefixed("cus_"),
        express_customer_name: params.express_customer_name,
        is_active: true,
        user_count: 0,
        created_at: Some(now.clone()),
        updated_at: Some(now),
        created_by_api_key_id: Some(ctx.caller().id.clone()),
        created_by_user_id: None,
        metadata: params.metadata,
    };
    let id = customer.express_customer_id.clone();
    let record = ctx.state.express.insert(
        id,
        ExpressRecord {
            customer,
            members: BTreeSet::new(),
        },
    );
    Ok(to_json(&render(record)))
}

pub(super) fn retrieve(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: ExpressCustomerIdParams = parse(input)?;
    let id = &params.express_customer_id;
    Ok(to_json(&render(
        ctx.state.express.get(id).ok_or_else(|| not_found(id))?,
    )))
}

pub(super) fn update(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: ExpressUpdateParams = parse(input)?;
    let now = iso8601(ctx.now_ms);
    let record = record_mut(ctx, &params.express_customer_id)?;
    if let Some(name) = params.express_customer_name {
        record.customer.express_customer_name = name;
    }
    if let Some(metadata) = params.metadata {
        record.customer.metadata = metadata;
    }
    record.customer.updated_at = Some(now);
    Ok(to_json(&render(record)))
}

pub(super) fn list(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: ExpressListParams = parse(input)?;
    let page = paginate(
        "expressCustomers",
        params.cursor.as_deref(),
        params.limit,
        ctx.state.express.rows(),
    )?;
    let express_customers = page.items.into_iter().map(render).collect();
    Ok(to_json(&ExpressCustomerListPage {
        express_customers,
        cursor: page.cursor,
        has_more: page.has_more,
    }))
}

fn set_active(ctx: &mut Ctx<'_>, input: Value, active: bool) -> Result<String, ApiFailure> {
    let params: ExpressCustomerIdParams = parse(input)?;
    let now = iso8601(ctx.now_ms);
    let record = record_mut(ctx, &params.express_customer_id)?;
    if record.customer.is_active != active {
        record.customer.is_active = active;
        record.customer.updated_at = Some(now);
    }
    Ok(to_json(&render(record)))
}

pub(super) fn deactivate(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_active(ctx, input, false)
}

pub(super) fn reactivate(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_active(ctx, input, true)
}

/// Linking twice or unlinking a user who is not linked changes nothing and says so.
fn set_member(ctx: &mut Ctx<'_>, input: Value, member: bool) -> Result<String, ApiFailure> {
    let params: ExpressUserParams = parse(input)?;
    ctx.state
        .express
        .get(&params.express_customer_id)
        .ok_or_else(|| not_found(&params.express_customer_id))?;
    if ctx.state.users.get(&params.user_id).is_none() {
        return Err(
            ApiFailure::unprocessable(format!("there is no user {}", params.user_id)).on("userId"),
        );
    }
    let now = iso8601(ctx.now_ms);
    let record = record_mut(ctx, &params.express_customer_id)?;
    let changed = if member {
        record.members.insert(params.user_id)
    } else {
        record.members.remove(&params.user_id)
    };
    if changed {
        record.customer.updated_at = Some(now);
    }
    let message = (!changed).then(|| {
        if member {
            "the user is already linked"
        } else {
            "the user was not linked"
        }
        .to_owned()
    });
    Ok(to_json(&SuccessResponse {
        success: true,
        message,
    }))
}

pub(super) fn add_user(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_member(ctx, input, true)
}

pub(super) fn remove_user(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_member(ctx, input, false)
}
