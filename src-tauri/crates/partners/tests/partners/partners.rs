use partnerbook_book::audit::Actor;
use partnerbook_book::settings::NewProgram;
use partnerbook_book::{Book, Coded};
use partnerbook_partners::search::{search, PartnerQuery, PartnerSort};
use partnerbook_partners::*;

fn book() -> (tempfile::TempDir, Book) {
    let dir = tempfile::tempdir().unwrap();
    let program = NewProgram {
        program_name: "Test".into(),
        base_currency: "USD".into(),
    };
    let book = Book::create(&dir.path().join("t.partnerbook"), &program).unwrap();
    (dir, book)
}

fn zoe() -> PartnerInput {
    let mut p = PartnerInput::new("Zoë Dubois", "zoe@example.fr");
    p.company = "Dubois Media".into();
    p.country = "FR".into();
    p.tags = vec!["youtube".into(), "vip".into()];
    p.codes = vec![PartnerCode {
        kind: CodeKind::Referral,
        code: "ZOE10".into(),
    }];
    p.custom_fields.insert("niche".into(), "travel".into());
    p
}

#[test]
fn create_stores_every_field_and_writes_audit_and_timeline() {
    let (_d, mut book) = book();
    let p = create(&mut book, &zoe(), Actor::User).unwrap();
    assert_eq!(p.first_name, "Zoë");
    assert_eq!(p.tags, vec!["vip", "youtube"]);
    assert_eq!(p.codes[0].code, "ZOE10");
    assert_eq!(p.custom_fields["niche"], "travel");
    assert_eq!(get(&book, p.id).unwrap(), p);

    let audit = partnerbook_book::audit::list_for(book.conn(), "partner", Some(p.id)).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (audit[0].action.as_str(), audit[0].actor),
        ("create", Actor::User)
    );
    assert_eq!(audit[0].after.as_ref().unwrap()["email"], "zoe@example.fr");
    let tl = timeline::list(&book, p.id).unwrap();
    assert_eq!(tl[0].summary, "Added as active");
}

#[test]
fn update_audits_only_what_changed() {
    let (_d, mut book) = book();
    let p = create(&mut book, &zoe(), Actor::User).unwrap();
    let mut input = PartnerInput::from(&p);
    input.email = "zoe@dubois.example".into();
    input.tags = vec!["youtube".into()];
    update(&mut book, p.id, &input, "", Actor::Sync).unwrap();
    let audit = partnerbook_book::audit::list_for(book.conn(), "partner", Some(p.id)).unwrap();
    let last = &audit[0];
    assert_eq!((last.action.as_str(), last.actor), ("update", Actor::Sync));
    let before = last.before.as_ref().unwrap().as_object().unwrap();
    let after = last.after.as_ref().unwrap().as_object().unwrap();
    let mut keys: Vec<_> = before.keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["email", "tags"]);
    assert_eq!(after["email"], "zoe@dubois.example");

    // Saving the same thing again records nothing new.
    update(&mut book, p.id, &input, "", Actor::User).unwrap();
    assert_eq!(
        partnerbook_book::audit::list_for(book.conn(), "partner", Some(p.id))
            .unwrap()
            .len(),
        audit.len()
    );
}

#[test]
fn status_changes_and_notes_appear_in_the_timeline() {
    let (_d, mut book) = book();
    let p = create(&mut book, &zoe(), Actor::User).unwrap();
    set_status(
        &mut book,
        p.id,
        PartnerStatus::Paused,
        "on holiday until March",
        Actor::User,
    )
    .unwrap();
    timeline::add_note(&mut book, p.id, "Call back in March", Actor::User).unwrap();
    let tl = timeline::list(&book, p.id).unwrap();
    let kinds: Vec<_> = tl.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            timeline::ActivityKind::Note,
            timeline::ActivityKind::Status,
            timeline::ActivityKind::Created
        ]
    );
    assert_eq!(tl[1].summary, "Status changed from active to paused");
    assert_eq!(tl[1].body, "on holiday until March");
    assert!(timeline::add_note(&mut book, p.id, "   ", Actor::User).is_err());
}

#[test]
fn emails_and_codes_are_unique_per_book() {
    let (_d, mut book) = book();
    create(&mut book, &zoe(), Actor::User).unwrap();
    let mut other = PartnerInput::new("Other", "ZOE@example.fr");
    let err = create(&mut book, &other, Actor::User).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.field().unwrap()),
        ("conflict", "email")
    );
    other.email = "other@example.com".into();
    other.codes = vec![PartnerCode {
        kind: CodeKind::Coupon,
        code: "zoe10".into(),
    }];
    let err = create(&mut book, &other, Actor::User).unwrap_err();
    assert_eq!(err.field().unwrap(), "coupon_codes", "{err}");
    let count: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 1, "a refused partner leaves nothing behind");
}

#[test]
fn parents_must_exist_and_never_loop() {
    let (_d, mut book) = book();
    let a = create(
        &mut book,
        &PartnerInput::new("A", "a@example.com"),
        Actor::User,
    )
    .unwrap();
    let mut b_in = PartnerInput::new("B", "b@example.com");
    b_in.parent_id = Some(a.id);
    let b = create(&mut book, &b_in, Actor::User).unwrap();
    assert_eq!(b.parent_name.as_deref(), Some("A"));
    let mut a_in = PartnerInput::from(&a);
    a_in.parent_id = Some(b.id);
    assert_eq!(
        update(&mut book, a.id, &a_in, "", Actor::User)
            .unwrap_err()
            .field()
            .unwrap(),
        "parent"
    );
    a_in.parent_id = Some(9999);
    assert!(update(&mut book, a.id, &a_in, "", Actor::User).is_err());
}

#[test]
fn resolve_finds_by_id_email_or_code() {
    let (_d, mut book) = book();
    let p = create(&mut book, &zoe(), Actor::User).unwrap();
    assert_eq!(resolve(&book, &p.id.to_string()).unwrap().id, p.id);
    assert_eq!(resolve(&book, "ZOE@example.fr").unwrap().id, p.id);
    assert_eq!(resolve(&book, "zoe10").unwrap().id, p.id);
    assert_eq!(resolve(&book, "nobody").unwrap_err().code(), "not_found");
}

#[test]
fn search_matches_words_accents_codes_and_tags_and_follows_edits() {
    let (_d, mut book) = book();
    let z = create(&mut book, &zoe(), Actor::User).unwrap();
    let mut l = PartnerInput::new("Łukasz Nowak", "lukasz@example.pl");
    l.country = "PL".into();
    l.status = PartnerStatus::Applicant;
    let l = create(&mut book, &l, Actor::User).unwrap();
    create(
        &mut book,
        &PartnerInput::new("李娜", "lina@example.cn"),
        Actor::User,
    )
    .unwrap();

    let find = |book: &Book, text: &str| -> Vec<String> {
        let q = PartnerQuery {
            text: text.into(),
            ..Default::default()
        };
        search(book, &q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(find(&book, "zoe"), ["Zoë Dubois"], "diacritics are folded");
    assert_eq!(find(&book, "Zoë du"), ["Zoë Dubois"]);
    assert_eq!(
        find(&book, "lukasz"),
        ["Łukasz Nowak"],
        "the ASCII sort key is searchable too"
    );
    assert_eq!(find(&book, "李"), ["李娜"]);
    assert_eq!(find(&book, "zoe10"), ["Zoë Dubois"]);
    assert_eq!(find(&book, "vip"), ["Zoë Dubois"]);
    assert_eq!(find(&book, "dubois media"), ["Zoë Dubois"]);
    assert_eq!(find(&book, "example.pl"), ["Łukasz Nowak"]);
    assert!(find(&book, "\"unbalanced OR (").is_empty());

    let mut edit = PartnerInput::from(&z);
    edit.tags = vec!["podcast".into()];
    update(&mut book, z.id, &edit, "", Actor::User).unwrap();
    assert!(
        find(&book, "vip").is_empty(),
        "the index follows tag changes"
    );
    assert_eq!(find(&book, "podcast"), ["Zoë Dubois"]);

    let q = PartnerQuery {
        statuses: vec![PartnerStatus::Applicant],
        ..Default::default()
    };
    let page = search(&book, &q).unwrap();
    assert_eq!((page.total, page.rows[0].id), (1, l.id));
    let q = PartnerQuery {
        country: Some("fr".into()),
        ..Default::default()
    };
    assert_eq!(search(&book, &q).unwrap().total, 1);
    let q = PartnerQuery {
        tag: Some("PODCAST".into()),
        ..Default::default()
    };
    assert_eq!(search(&book, &q).unwrap().total, 1);
}

#[test]
fn sorting_and_paging_cover_every_row_once() {
    let (_d, mut book) = book();
    for name in ["Émile", "zoe", "Ada", "Łucja", "bob", "O'Neil", "أحمد"] {
        create(
            &mut book,
            &PartnerInput::new(name, &format!("{}@example.com", sort_key(name))),
            Actor::User,
        )
        .unwrap();
    }
    let q = |offset, descending| PartnerQuery {
        sort: PartnerSort::Name,
        limit: 2,
        offset,
        descending,
        ..Default::default()
    };
    let mut names = Vec::new();
    for offset in [0, 2, 4, 6] {
        let page = search(&book, &q(offset, false)).unwrap();
        assert_eq!(page.total, 7);
        names.extend(page.rows.into_iter().map(|r| r.name));
    }
    assert_eq!(
        names,
        ["Ada", "bob", "Émile", "أحمد", "Łucja", "O'Neil", "zoe"],
        "alphabetical for people, ignoring case, accents and punctuation"
    );
    let first_desc = search(&book, &q(0, true)).unwrap().rows[0].name.clone();
    assert_eq!(first_desc, "zoe");
}

/// Past SORT_MATCHES_UP_TO matches the search walks an index instead of
/// sorting matches; both paths must list the same partners in the same order.
#[test]
fn large_and_small_result_sets_page_the_same_way() {
    let (_d, mut book) = book();
    let tx = book.transaction().unwrap();
    let group = partnerbook_book::groups::create(&tx, "Creators", "", Actor::User).unwrap();
    let mut ids = Vec::new();
    for i in 0..2_100 {
        let mut p = PartnerInput::new(
            &format!("Member {:04}", (i * 37) % 2_100),
            &format!("m{i}@example.com"),
        );
        p.status = if i % 3 == 0 {
            PartnerStatus::Paused
        } else {
            PartnerStatus::Active
        };
        p.country = if i % 2 == 0 { "FR".into() } else { "DE".into() };
        p.group_id = (i % 5 == 0).then_some(group);
        p.tags = if i % 7 == 0 {
            vec!["vip".into()]
        } else {
            vec![]
        };
        ids.push(create_in(&tx, &p, Actor::Import).unwrap());
    }
    refresh_search(&tx, &ids).unwrap();
    tx.commit().unwrap();

    let all_pages = |q: PartnerQuery| -> (u64, Vec<i64>) {
        let mut ids = Vec::new();
        let mut total = 0;
        for offset in (0..2_200).step_by(500) {
            let page = search(
                &book,
                &PartnerQuery {
                    offset,
                    limit: 500,
                    ..q.clone()
                },
            )
            .unwrap();
            total = page.total;
            ids.extend(page.rows.iter().map(|r| r.id));
        }
        (total, ids)
    };
    let expected = |filter: &str, order: &str| -> Vec<i64> {
        let sql = format!("SELECT id FROM partners WHERE {filter} ORDER BY {order}");
        let mut stmt = book.conn().prepare(&sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };

    // 2,100 matches: the index-walking path.
    let q = PartnerQuery {
        text: "memb".into(),
        sort: PartnerSort::Name,
        ..Default::default()
    };
    let (total, ids) = all_pages(q);
    assert_eq!(total, 2_100);
    assert_eq!(ids, expected("1", "sort_key, id"));
    let q = PartnerQuery {
        text: "member".into(),
        sort: PartnerSort::Created,
        descending: true,
        ..Default::default()
    };
    assert_eq!(all_pages(q).1, expected("1", "created_at DESC, id DESC"));

    // Filters alone, large and small.
    let q = PartnerQuery {
        statuses: vec![PartnerStatus::Active],
        ..Default::default()
    };
    let (total, ids) = all_pages(q);
    assert_eq!(
        (total, ids.clone()),
        (1_400, expected("status = 'active'", "sort_key, id"))
    );
    let q = PartnerQuery {
        statuses: vec![PartnerStatus::Active, PartnerStatus::Paused],
        country: Some("fr".into()),
        group_id: Some(group),
        tag: Some("VIP".into()),
        sort: PartnerSort::Country,
        ..Default::default()
    };
    let filter =
        "country = 'FR' AND group_id IS NOT NULL AND id IN (SELECT partner_id FROM partner_tags)";
    assert_eq!(all_pages(q).1, expected(filter, "country, sort_key, id"));
    let q = PartnerQuery {
        tag: Some("no such tag".into()),
        ..Default::default()
    };
    assert_eq!(all_pages(q), (0, vec![]));

    // A narrow search: sorted matches, best first.
    let q = PartnerQuery {
        text: "member 0042".into(),
        ..Default::default()
    };
    let page = search(&book, &q).unwrap();
    assert_eq!((page.total, page.rows[0].name.as_str()), (1, "Member 0042"));
}

#[test]
fn relevance_puts_name_matches_before_other_matches() {
    let (_d, mut book) = book();
    let mut bob = PartnerInput::new("Bob Smith", "anabelle@example.com");
    bob.company = "Anaconda Labs".into();
    create(&mut book, &bob, Actor::User).unwrap();
    create(
        &mut book,
        &PartnerInput::new("Zed Anaïs", "zed@example.com"),
        Actor::User,
    )
    .unwrap();
    create(
        &mut book,
        &PartnerInput::new("Ana Lima", "lima@example.com"),
        Actor::User,
    )
    .unwrap();
    let names = |text: &str| -> Vec<String> {
        let q = PartnerQuery {
            text: text.into(),
            ..Default::default()
        };
        search(&book, &q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(names("ana"), ["Ana Lima", "Zed Anaïs", "Bob Smith"]);
    assert_eq!(names("ANAÏS"), ["Zed Anaïs"]);
    assert_eq!(names("zed ana"), ["Zed Anaïs"]);
}

#[test]
fn the_index_follows_group_deletes_and_tag_renames_made_in_sql() {
    let (_d, mut book) = book();
    let group = partnerbook_book::groups::add(&mut book, "Creators", "", Actor::User).unwrap();
    let mut input = zoe();
    input.group_id = Some(group);
    create(&mut book, &input, Actor::User).unwrap();
    let count = |book: &Book, q: PartnerQuery| search(book, &q).unwrap().total;
    assert_eq!(
        count(
            &book,
            PartnerQuery {
                group_id: Some(group),
                ..Default::default()
            }
        ),
        1
    );

    book.conn()
        .execute(
            "UPDATE tags SET name = 'travel-vlog' WHERE name = 'youtube'",
            [],
        )
        .unwrap();
    assert_eq!(
        count(
            &book,
            PartnerQuery {
                text: "travel vlog".into(),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &book,
            PartnerQuery {
                text: "youtube".into(),
                ..Default::default()
            }
        ),
        0
    );

    book.conn()
        .execute("DELETE FROM groups WHERE id = ?1", [group])
        .unwrap();
    assert_eq!(
        count(
            &book,
            PartnerQuery {
                group_id: Some(group),
                ..Default::default()
            }
        ),
        0
    );
    assert_eq!(
        count(
            &book,
            PartnerQuery {
                text: "zoe".into(),
                ..Default::default()
            }
        ),
        1
    );
}
#[test]
fn info_counts_partners() {
    let (_dir, mut book) = book();
    let input = PartnerInput::new("Ada", "ada@example.com");
    create(&mut book, &input, Actor::User).unwrap();
    let info = book.info().unwrap();
    assert_eq!(
        (
            info.program_name.as_str(),
            info.base_currency.as_str(),
            info.partner_count
        ),
        ("Test", "USD", 1)
    );
}
