//! The bytes on the wire: how the fake orders records, sends answers and
//! turns Nagle off; the server, POST and Rewardful parts all use it.

use super::*;

/// Oldest first, then by key: the order `order_by=created_at` pages in.
pub(super) fn order(a: &Value, b: &Value) -> std::cmp::Ordering {
    // PartnerStack's times are epoch ms, Rewardful's ISO text (which sorts
    // as text); keys are `key` or `id`.
    let k = |v: &Value| {
        (
            v["created_at"].as_i64(),
            v["created_at"].as_str().map(str::to_string),
            v["key"].as_str().or(v["id"].as_str()).map(str::to_string),
        )
    };
    k(a).cmp(&k(b))
}

pub(super) fn no_delay(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    let on: libc::c_int = 1;
    // SAFETY: a valid socket descriptor we own, and a pointer to a c_int
    // that lives across the call with its size.
    let r = unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    assert_eq!(r, 0, "TCP_NODELAY on the fake's listener");
}

pub(super) fn respond(
    request: tiny_http::Request,
    status: u16,
    body: String,
    headers: Vec<Header>,
) {
    let mut response = Response::from_string(body).with_status_code(status);
    response.add_header(Header::from_bytes("Content-Type", "application/json").unwrap());
    for h in headers {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

pub(super) fn error(status: u16, message: &str) -> String {
    json!({ "message": message, "status": status }).to_string()
}
