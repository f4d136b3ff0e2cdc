/// The pages' words in Ukrainian, Russian and English. The referendum's own texts (title, question,
/// options, regions) come from its definition in whichever of these it has.
enum Localization {
    static let languages = ["uk", "ru", "en"]
    static let names = ["uk": "Українська", "ru": "Русский", "en": "English"]

    /// The strings of `language` (English for any other).
    static func strings(_ language: String) -> [String: String] {
        var strings = english
        for (key, value) in (language == "uk" ? ukrainian : language == "ru" ? russian : [:]) { strings[key] = value }
        return strings
    }

    /// The language of a request: `lang` in the query, else the cookie, else the first of
    /// Accept-Language that we have, else Ukrainian.
    static func language(query: String?, cookie: String?, acceptLanguage: String?) -> String {
        for candidate in [query, cookie] { if let candidate, languages.contains(candidate) { return candidate } }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let code = part.split(separator: ";").first.map { String($0.prefix(2)).lowercased().trimmingCharacters(in: .whitespaces) } ?? ""
            if languages.contains(code) { return code }
        }
        return "uk"
    }

    static let english: [String: String] = [
        "nav.home": "Referendum", "nav.booth": "Voting booth", "nav.tracker": "Ballot tracker", "nav.results": "Results",
        "nav.observer": "Observers", "nav.logout": "Sign out",
        "state": "Stage",
        "state.draft": "draft", "state.announced": "announced", "state.keys-ready": "keys ready", "state.open": "polls open",
        "state.closed": "polls closed", "state.counted": "counted", "state.decrypted": "decrypted", "state.certified": "certified",
        "state.published": "published",
        "home.lead": "Every ballot is encrypted at the station, every voter takes home a confirmation code, and the whole record is published so that anyone can check the count.",
        "login.title": "Sign in", "login.token": "Access token", "login.device": "Device (e.g. A-1-B1)", "login.submit": "Sign in",
        "login.needed": "This page needs an access token of role", "login.bad": "This token is not valid for this page.",
        "booth.title": "Voting booth", "booth.station": "Station", "booth.device": "Device",
        "booth.credential": "Voter's credential code", "booth.checkin": "Check in",
        "booth.choose": "Choose one answer", "booth.encrypt": "Encrypt my ballot",
        "booth.code": "Your confirmation code", "booth.code.note": "Write it down or photograph it. Then cast the ballot, or challenge it to check that the device encrypted your choice.",
        "booth.cast": "Cast the ballot", "booth.challenge": "Challenge (open and check)",
        "booth.cast.done": "Your ballot is cast.", "booth.cast.note": "Keep your confirmation code: you can find it in the ballot tracker and, after the count, in the published record.",
        "booth.challenged": "The ballot was opened and will never be counted.", "booth.challenged.choice": "The device had encrypted",
        "booth.challenged.note": "If this is not what you chose, tell the station officials. Now vote again.",
        "booth.next": "Next voter", "booth.region": "Region", "booth.nonce": "Opening nonce",
        "tracker.title": "Ballot tracker", "tracker.code": "Confirmation code", "tracker.find": "Find",
        "tracker.status.received": "Received: this ballot was cast and is stored. Which of a voter's ballots counts is decided at the count.",
        "tracker.status.pending": "Encrypted but not cast or challenged yet.",
        "tracker.status.cast": "Cast and counted.",
        "tracker.status.challenged": "Challenged: opened to check the device, never counted.",
        "tracker.status.superseded": "Superseded: the voter voted again, and the later ballot counts instead.",
        "tracker.status.abandoned": "Abandoned: encrypted but never cast; not counted.",
        "tracker.status.not-found": "No ballot has this confirmation code.",
        "tracker.station": "Station", "tracker.at": "Decided at",
        "results.title": "Results", "results.region": "Region", "results.station": "Station", "results.registered": "Registered",
        "results.ballots": "Ballots counted", "results.turnout": "Turnout", "results.mobile": "Mobile box share",
        "results.total": "All regions", "results.notyet": "The results appear once the guardians have decrypted the totals. Until then, turnout so far:",
        "results.voters": "Voted", "results.chart": "Turnout over time (share of the register, by region)",
        "results.download": "Download the record", "results.csv": "Station results (CSV)",
        "observer.title": "Observers: live turnout", "observer.live": "live", "observer.updated": "Updated",
        "observer.ballots": "Ballots by status", "observer.cast": "Ballots cast", "observer.links": "Data",
        "observer.devices": "Devices of stations that sync", "observer.device": "Device", "observer.received": "Received", "observer.last": "Last ballot received", "observer.missing": "Still at the station",
        "kind.regional": "regional", "kind.external": "external (displaced voters)", "kind.mobile": "mobile box",
        "kind.merged": "stations with too few ballots to publish alone, counted together",
        "status.pending": "pending", "status.cast": "cast", "status.challenged": "challenged", "status.abandoned": "abandoned",
        "error": "Error",
    ]

    static let ukrainian: [String: String] = [
        "nav.home": "Референдум", "nav.booth": "Кабіна для голосування", "nav.tracker": "Перевірка бюлетеня", "nav.results": "Результати",
        "nav.observer": "Спостерігачам", "nav.logout": "Вийти",
        "state": "Етап",
        "state.draft": "чернетка", "state.announced": "оголошено", "state.keys-ready": "ключі готові", "state.open": "голосування триває",
        "state.closed": "голосування завершено", "state.counted": "підраховано", "state.decrypted": "розшифровано",
        "state.certified": "затверджено", "state.published": "опубліковано",
        "home.lead": "Кожен бюлетень шифрується на дільниці, кожен виборець забирає додому код підтвердження, а весь протокол публікується, щоб будь-хто міг перевірити підрахунок.",
        "login.title": "Вхід", "login.token": "Токен доступу", "login.device": "Пристрій (напр. A-1-B1)", "login.submit": "Увійти",
        "login.needed": "Для цієї сторінки потрібен токен доступу з роллю", "login.bad": "Цей токен не дійсний для цієї сторінки.",
        "booth.title": "Кабіна для голосування", "booth.station": "Дільниця", "booth.device": "Пристрій",
        "booth.credential": "Код виборця", "booth.checkin": "Перевірити код",
        "booth.choose": "Оберіть одну відповідь", "booth.encrypt": "Зашифрувати бюлетень",
        "booth.code": "Ваш код підтвердження", "booth.code.note": "Запишіть або сфотографуйте його. Потім опустіть бюлетень або оскаржте його, щоб перевірити, що пристрій зашифрував саме ваш вибір.",
        "booth.cast": "Опустити бюлетень", "booth.challenge": "Оскаржити (відкрити й перевірити)",
        "booth.cast.done": "Ваш бюлетень прийнято.", "booth.cast.note": "Збережіть код підтвердження: його можна знайти в перевірці бюлетенів, а після підрахунку — в опублікованому протоколі.",
        "booth.challenged": "Бюлетень відкрито, і він ніколи не буде врахований.", "booth.challenged.choice": "Пристрій зашифрував",
        "booth.challenged.note": "Якщо це не ваш вибір, повідомте членів комісії. Тепер проголосуйте ще раз.",
        "booth.next": "Наступний виборець", "booth.region": "Регіон", "booth.nonce": "Випадкове число для відкриття",
        "tracker.title": "Перевірка бюлетеня", "tracker.code": "Код підтвердження", "tracker.find": "Знайти",
        "tracker.status.received": "Отримано: бюлетень опущено й збережено. Який із бюлетенів виборця враховується, визначається під час підрахунку.",
        "tracker.status.pending": "Зашифровано, але ще не опущено й не оскаржено.",
        "tracker.status.cast": "Опущено й враховано.",
        "tracker.status.challenged": "Оскаржено: відкрито для перевірки пристрою, не враховується.",
        "tracker.status.superseded": "Замінено: виборець проголосував ще раз, і враховується пізніший бюлетень.",
        "tracker.status.abandoned": "Покинуто: зашифровано, але не опущено; не враховується.",
        "tracker.status.not-found": "Бюлетеня з таким кодом підтвердження немає.",
        "tracker.station": "Дільниця", "tracker.at": "Час рішення",
        "results.title": "Результати", "results.region": "Регіон", "results.station": "Дільниця", "results.registered": "У реєстрі",
        "results.ballots": "Враховано бюлетенів", "results.turnout": "Явка", "results.mobile": "Частка переносних скриньок",
        "results.total": "Усі регіони", "results.notyet": "Результати з’являться, коли хранителі ключа розшифрують підсумки. Поки що — явка:",
        "results.voters": "Проголосували", "results.chart": "Явка з часом (частка реєстру, за регіонами)",
        "results.download": "Завантажити протокол", "results.csv": "Результати дільниць (CSV)",
        "observer.title": "Спостерігачам: явка наживо", "observer.live": "наживо", "observer.updated": "Оновлено",
        "observer.ballots": "Бюлетені за статусом", "observer.cast": "Опущено бюлетенів", "observer.links": "Дані",
        "observer.devices": "Пристрої дільниць, що синхронізуються", "observer.device": "Пристрій", "observer.received": "Отримано", "observer.last": "Останній отриманий бюлетень", "observer.missing": "Ще на дільниці",
        "kind.regional": "регіональна", "kind.external": "зовнішня (для переміщених осіб)", "kind.mobile": "переносна скринька",
        "kind.merged": "дільниці, замалі для окремого підсумку, враховані разом",
        "status.pending": "очікує", "status.cast": "опущено", "status.challenged": "оскаржено", "status.abandoned": "покинуто",
        "error": "Помилка",
    ]

    static let russian: [String: String] = [
        "nav.home": "Референдум", "nav.booth": "Кабина для голосования", "nav.tracker": "Проверка бюллетеня", "nav.results": "Результаты",
        "nav.observer": "Наблюдателям", "nav.logout": "Выйти",
        "state": "Этап",
        "state.draft": "черновик", "state.announced": "объявлен", "state.keys-ready": "ключи готовы", "state.open": "голосование идёт",
        "state.closed": "голосование завершено", "state.counted": "подсчитано", "state.decrypted": "расшифровано",
        "state.certified": "утверждено", "state.published": "опубликовано",
        "home.lead": "Каждый бюллетень шифруется на участке, каждый избиратель уносит домой код подтверждения, а весь протокол публикуется, чтобы любой мог проверить подсчёт.",
        "login.title": "Вход", "login.token": "Токен доступа", "login.device": "Устройство (напр. A-1-B1)", "login.submit": "Войти",
        "login.needed": "Для этой страницы нужен токен доступа с ролью", "login.bad": "Этот токен не действителен для этой страницы.",
        "booth.title": "Кабина для голосования", "booth.station": "Участок", "booth.device": "Устройство",
        "booth.credential": "Код избирателя", "booth.checkin": "Проверить код",
        "booth.choose": "Выберите один ответ", "booth.encrypt": "Зашифровать бюллетень",
        "booth.code": "Ваш код подтверждения", "booth.code.note": "Запишите или сфотографируйте его. Затем опустите бюллетень или оспорьте его, чтобы проверить, что устройство зашифровало именно ваш выбор.",
        "booth.cast": "Опустить бюллетень", "booth.challenge": "Оспорить (открыть и проверить)",
        "booth.cast.done": "Ваш бюллетень принят.", "booth.cast.note": "Сохраните код подтверждения: его можно найти в проверке бюллетеней, а после подсчёта — в опубликованном протоколе.",
        "booth.challenged": "Бюллетень открыт и никогда не будет учтён.", "booth.challenged.choice": "Устройство зашифровало",
        "booth.challenged.note": "Если это не ваш выбор, сообщите членам комиссии. Теперь проголосуйте ещё раз.",
        "booth.next": "Следующий избиратель", "booth.region": "Регион", "booth.nonce": "Случайное число для открытия",
        "tracker.title": "Проверка бюллетеня", "tracker.code": "Код подтверждения", "tracker.find": "Найти",
        "tracker.status.received": "Получен: бюллетень опущен и сохранён. Какой из бюллетеней избирателя учитывается, решается при подсчёте.",
        "tracker.status.pending": "Зашифрован, но ещё не опущен и не оспорен.",
        "tracker.status.cast": "Опущен и учтён.",
        "tracker.status.challenged": "Оспорен: открыт для проверки устройства, не учитывается.",
        "tracker.status.superseded": "Заменён: избиратель проголосовал ещё раз, и учитывается более поздний бюллетень.",
        "tracker.status.abandoned": "Брошен: зашифрован, но не опущен; не учитывается.",
        "tracker.status.not-found": "Бюллетеня с таким кодом подтверждения нет.",
        "tracker.station": "Участок", "tracker.at": "Время решения",
        "results.title": "Результаты", "results.region": "Регион", "results.station": "Участок", "results.registered": "В реестре",
        "results.ballots": "Учтено бюллетеней", "results.turnout": "Явка", "results.mobile": "Доля переносных ящиков",
        "results.total": "Все регионы", "results.notyet": "Результаты появятся, когда хранители ключа расшифруют итоги. Пока — явка:",
        "results.voters": "Проголосовали", "results.chart": "Явка во времени (доля реестра, по регионам)",
        "results.download": "Скачать протокол", "results.csv": "Результаты участков (CSV)",
        "observer.title": "Наблюдателям: явка в реальном времени", "observer.live": "в эфире", "observer.updated": "Обновлено",
        "observer.ballots": "Бюллетени по статусу", "observer.cast": "Опущено бюллетеней", "observer.links": "Данные",
        "observer.devices": "Устройства участков, которые синхронизируются", "observer.device": "Устройство", "observer.received": "Получено", "observer.last": "Последний полученный бюллетень", "observer.missing": "Ещё на участке",
        "kind.regional": "региональный", "kind.external": "внешний (для переселенцев)", "kind.mobile": "переносной ящик",
        "kind.merged": "участки, слишком малые для отдельного итога, учтены вместе",
        "status.pending": "ожидает", "status.cast": "опущен", "status.challenged": "оспорен", "status.abandoned": "брошен",
        "error": "Ошибка",
    ]
}
