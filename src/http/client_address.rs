//! The address of the client a request comes from, which the per-address rate limits count.
//!
//! By default it is the TCP peer's, and `X-Forwarded-For` is ignored: anyone can write that
//! header, and a client that could choose its address would escape every per-address limit.
//! Behind a load balancer or reverse proxy, though, every request comes from the proxy, so ten
//! wrong keys from one person would shut out everyone behind it. `TRUSTED_PROXIES` names the
//! proxies (addresses or networks): a request whose peer is one of them is counted against the
//! address that proxy says it came from, the rightmost `X-Forwarded-For` entry that is not itself
//! a trusted proxy. Entries to its left were written by the client and are never believed.

use std::net::IpAddr;

use actix_web::HttpRequest;
use actix_web::web;

use crate::config::TrustedProxies;

/// The address `request` is counted against, as the server's [`TrustedProxies`] say.
pub fn of(request: &HttpRequest) -> Option<IpAddr> {
    let peer = request.peer_addr()?.ip();
    Some(match request.app_data::<web::Data<TrustedProxies>>() {
        Some(proxies) => proxies.client(peer, request.headers()),
        None => peer,
    })
}
