//! The fake PartnerStack API as a program, for the CLI's kill test, the app's
//! end-to-end test and `sync` benchmarks:
//!
//!     fake-partnerstack [--port N] [--partners N] [--sales N] [--rate R]
//!
//! Prints its base URL on the first line, then serves until killed. Keys:
//! pk_test_fake / sk_test_fake.

use partnerbook_testkit::fake_partnerstack::{program, Fake};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut port, mut partners, mut sales, mut rate) = (0u16, 20usize, 3usize, None);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        let number = || {
            value
                .parse::<usize>()
                .unwrap_or_else(|_| panic!("{flag} needs a number"))
        };
        match flag.as_str() {
            "--port" => port = number() as u16,
            "--partners" => partners = number(),
            "--sales" => sales = number(),
            "--rate" => rate = Some(number() as u32),
            _ => panic!("unknown option {flag}"),
        }
    }
    let fake = Fake::start_at(&format!("127.0.0.1:{port}"));
    fake.with(|s| {
        s.lists = program(partners, sales);
        s.rate = rate;
        // A long run would grow the request log without end.
        s.keep_log = false;
    });
    println!("{}", fake.url);
    loop {
        std::thread::park();
    }
}
