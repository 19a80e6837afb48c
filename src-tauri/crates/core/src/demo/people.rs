//! Names, places and words for demo books: an international program, so
//! every screen and file is exercised with real-world Unicode.

/// One country's worth of people: given names, family names, how the full
/// name is written, and how they are paid.
pub struct Locale {
    pub country: &'static str,
    pub language: &'static str,
    pub given: &'static [&'static str],
    pub family: &'static [&'static str],
    /// Family name first, no space (李娜, 佐藤美咲); greet by full name.
    pub family_first: bool,
    pub tld: &'static str,
    pub currency: &'static str,
    /// A real bank's BIC and the IBAN layout (bank code digits, account digits).
    pub bank: Option<(&'static str, usize, usize)>,
    /// How often this locale appears, relative to the others.
    pub weight: u32,
}

pub const LOCALES: &[Locale] = &[
    Locale { country: "US", language: "en", weight: 14, tld: "com", currency: "USD", bank: None, family_first: false,
        given: &["Emily", "James", "Olivia", "Noah", "Ava", "Liam", "Madison", "Ethan", "Zoë", "Jacob", "Chloe", "Mason"],
        family: &["Smith", "Johnson", "Williams", "Brown", "O'Brien", "Miller", "Davis", "García", "Rodríguez", "Wilson"] },
    Locale { country: "GB", language: "en-GB", weight: 8, tld: "co.uk", currency: "GBP", bank: None, family_first: false,
        given: &["Oliver", "Amelia", "Harry", "Isla", "George", "Sophie", "Siobhan", "Rhys"],
        family: &["Taylor", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "McAllister"] },
    Locale { country: "FR", language: "fr", weight: 7, tld: "fr", currency: "EUR", bank: None, family_first: false,
        given: &["Zoë", "Chloé", "Théo", "Léa", "Étienne", "Maëlle", "Hélène", "François", "Noémie"],
        family: &["Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fournier", "Mercier", "Bonnet"] },
    Locale { country: "DE", language: "de", weight: 8, tld: "de", currency: "EUR", bank: Some(("COBADEFFXXX", 8, 10)), family_first: false,
        given: &["Jürgen", "Anneliese", "Jörg", "Lena", "Lukas", "Sören", "Marie", "Käthe", "Felix"],
        family: &["Müller", "Schäfer", "Groß", "Weiß", "Schmidt", "Köhler", "Becker", "Hoffmann"] },
    Locale { country: "PL", language: "pl", weight: 6, tld: "pl", currency: "PLN", bank: Some(("BPKOPLPW", 8, 16)), family_first: false,
        given: &["Łukasz", "Zofia", "Wojciech", "Małgorzata", "Paweł", "Agnieszka", "Grzegorz", "Ewa"],
        family: &["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Zieliński", "Lewandowska", "Dąbrowski"] },
    Locale { country: "DK", language: "da", weight: 4, tld: "dk", currency: "DKK", bank: Some(("DABADKKK", 4, 10)), family_first: false,
        given: &["Søren", "Åse", "Mette", "Jørgen", "Frederik", "Ida", "Rasmus", "Sofie"],
        family: &["Jørgensen", "Nielsen", "Sørensen", "Hansen", "Kierkegaard", "Mølgaard", "Thomsen"] },
    Locale { country: "NL", language: "nl", weight: 4, tld: "nl", currency: "EUR", bank: Some(("INGBNL2A", 0, 0)), family_first: false,
        given: &["Daan", "Sanne", "Bram", "Femke", "Joost", "Anouk"],
        family: &["de Vries", "van Dijk", "Bakker", "Janssen", "van den Berg", "Visser"] },
    Locale { country: "ES", language: "es", weight: 6, tld: "es", currency: "EUR", bank: None, family_first: false,
        given: &["José", "María", "Lucía", "Jesús", "Inés", "Álvaro", "Begoña", "Iñigo"],
        family: &["García", "Fernández", "Núñez", "Muñoz", "Peña", "Martínez", "Sánchez", "Ibáñez"] },
    Locale { country: "BR", language: "pt-BR", weight: 5, tld: "com.br", currency: "USD", bank: None, family_first: false,
        given: &["João", "Conceição", "Thiago", "Ana", "Gonçalo", "Letícia", "Vinícius"],
        family: &["Gonçalves", "Araújo", "Simões", "Silva", "Conceição", "Magalhães"] },
    Locale { country: "SE", language: "sv", weight: 3, tld: "se", currency: "EUR", bank: None, family_first: false,
        given: &["Björn", "Åsa", "Linnéa", "Göran", "Elsa", "Måns"],
        family: &["Lindqvist", "Åkesson", "Öberg", "Johansson", "Sjöberg", "Ångström"] },
    Locale { country: "TR", language: "tr", weight: 3, tld: "com.tr", currency: "USD", bank: None, family_first: false,
        given: &["Çağla", "Ömer", "Şebnem", "İlkay", "Gülşen", "Barış"],
        family: &["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Aydın"] },
    Locale { country: "CN", language: "zh-Hans", weight: 4, tld: "cn", currency: "USD", bank: None, family_first: true,
        given: &["娜", "伟", "敏", "洋", "静", "磊", "芳"],
        family: &["李", "王", "张", "刘", "陈", "杨", "赵"] },
    Locale { country: "JP", language: "ja", weight: 4, tld: "jp", currency: "JPY", bank: None, family_first: true,
        given: &["美咲", "健", "陽翔", "さくら", "翔太", "結衣"],
        family: &["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤"] },
    Locale { country: "KR", language: "ko", weight: 2, tld: "kr", currency: "USD", bank: None, family_first: true,
        given: &["민준", "서연", "지훈", "하은"],
        family: &["김", "이", "박", "최"] },
    Locale { country: "GR", language: "el", weight: 2, tld: "gr", currency: "EUR", bank: None, family_first: false,
        given: &["Γιώργος", "Ελένη", "Νίκος", "Μαρία"],
        family: &["Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου"] },
    Locale { country: "UA", language: "uk", weight: 2, tld: "com.ua", currency: "USD", bank: None, family_first: false,
        given: &["Олена", "Андрій", "Ірина", "Тарас"],
        family: &["Шевченко", "Коваленко", "Бондаренко", "Ткаченко"] },
    Locale { country: "IN", language: "en-IN", weight: 5, tld: "in", currency: "USD", bank: None, family_first: false,
        given: &["Priya", "Arjun", "Ananya", "Rohan", "Saanvi", "Vikram"],
        family: &["Sharma", "Iyer", "Patel", "Reddy", "Banerjee", "Nair"] },
    Locale { country: "NG", language: "en", weight: 3, tld: "com.ng", currency: "USD", bank: None, family_first: false,
        given: &["Chidinma", "Oluwaseun", "Ngozi", "Emeka", "Adaeze", "Tunde"],
        family: &["Okafor", "Adeyemi", "Eze", "Okonkwo", "Balogun"] },
    Locale { country: "AE", language: "ar", weight: 2, tld: "ae", currency: "USD", bank: None, family_first: false,
        given: &["محمد", "فاطمة", "أحمد", "ليلى"],
        family: &["العلي", "الحسيني", "المنصوري"] },
    Locale { country: "MX", language: "es-MX", weight: 3, tld: "com.mx", currency: "USD", bank: None, family_first: false,
        given: &["Sofía", "Mateo", "Valentina", "Santiago", "Ximena"],
        family: &["Hernández", "López", "González", "Pérez", "Ramírez"] },
];

pub const GROUPS: &[(&str, &str)] = &[
    ("Creators", "YouTubers, bloggers and podcasters with their own audience"),
    ("Agencies", "Marketing agencies referring their clients"),
    ("Influencers", "Social media accounts with an engaged following"),
    ("Resellers", "Businesses that resell or bundle the product"),
    ("Coupon sites", "Deal and coupon websites; lower rate, high volume"),
];

pub const TAGS: &[&str] =
    &["youtube", "newsletter", "blog", "podcast", "instagram", "tiktok", "b2b", "top performer", "vip", "needs follow-up"];

pub const NICHES: &[&str] = &["fitness", "personal finance", "productivity", "travel", "gaming", "cooking", "design", "developer tools"];

pub const COMPANY_WORDS: &[&str] = &["Media", "Studio", "Labs", "Digital", "Collective", "Growth", "Reviews", "Academy"];

pub const FREE_MAIL: &[&str] = &["gmail.com", "outlook.com", "proton.me", "yahoo.com", "icloud.com", "gmx.de"];

pub const NOTES: &[&str] = &[
    "Met at the SaaS Growth meetup; wants a custom landing page.",
    "Asked for higher rate once they pass 50 sales a month.",
    "Prefers contact by email, not phone.",
    "Sent the Q3 banner pack.",
    "Very good content quality — feature in the newsletter.",
    "Audience mostly in EU; check VAT details before payout.",
];
