"""The fields of a record: sectors, instrument, date and people, from the mentions of its
parties and the sentences that pair them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..normalize.names import full_names, has_middle_initial, spelling_key, vietnamese_name
from ..normalize.sectors import sector_code
from ..normalize.titles import is_degree
from ..schema import INSTRUMENTS, Document, Entity, Partnership, Party, Person
from ..text import Sentence, sentence_finder
from .parties import witnessed_by

__all__ = [
    "build_record", "conflict_only", "event_instrument", "first_event_date", "instrument_of", "lead_people",
    "member_people", "officials", "officials_abroad", "sector_codes", "stronger_signed",
]

_INSTRUMENT_WORDS = (
    ("agreement", r"thỏa thuận|thoả thuận|hiệp định|hiệp ước|biên bản|nghị định thư|hợp đồng"),
    ("mou", r"ghi nhớ"),
    ("letter_of_intent", r"ý định thư"),
    ("twinning", r"kết nghĩa"),
)
_DAY = r"(?:\d{4}|-)-\d\d-\d\d"
_DAYS = re.compile(f"{_DAY}(?:/{_DAY})?")  # `2023-08-24`, `--06-06/--06-08`
_MONTH = re.compile(r"(?:\d{4}|-)-\d\d")  # `2023-08`, `--08`
_YEARS_APART = re.compile(r"(\d{4})-\d\d-\d\d/(?!\1)\d{4}-\d\d-\d\d")  # an anniversary's `1990-06-12/2017-06-12`
_SIGNING = re.compile(
    r"(?<!sẽ )\b(?:ký kết|đã ký|lễ ký|ký được|ký (?:hợp tác|thỏa thuận|thoả thuận|bản ghi nhớ|biên bản|hiệp định|hiệp ước|hợp đồng|văn kiện))\b",
    re.I,
)
_PLANNED = re.compile(r"\b(?:sẽ|sắp|sớm|nên|chưa|có thể|nhiều khả năng|khi được|dự kiến|tiến tới|hướng tới|một khi)\b[^.;]*$",
                      re.I)
_PLANNED_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:sẽ|dự kiến|chuẩn bị|khi được|một khi)(?: được)? (?:ký|kí)\b", re.I)
# Signed, not to be signed: `đã ký`, `đã cùng ký`, `đã 3 lần ký`, `lễ ký kết` (not `mong muốn ký kết`, `đăng ký`).
_SIGNED_PAST = re.compile(r"\b(?:đã|vừa)\s+(?:[^\s.;]+\s+){0,3}?(?:ký|kí)\b|\blễ (?:ký|kí)\b|\b(?:ký|kí)(?: kết)? được\b"
                          r"|\bkỷ niệm\b[^.;]{0,60}?\b(?:ký|kí)\b", re.I)
_EVENTS = (None, "visit", "meeting")
_CONFLICT = re.compile(r"(?i)trừng phạt|cáo buộc|chỉ trích|tấn công|đe dọa|đe doạ|phản đối|lên án|căng thẳng|xung đột|"
                       r"chiến tranh|\btố\b|cảnh báo|bất đồng|tranh chấp|khiêu khích|leo thang|cấm vận|trục xuất|"
                       r"giận dữ|thù địch")
_COOPERATION = re.compile(r"(?i)hợp tác|\b(?:ký|kí)\b|thỏa thuận|thoả thuận|hội đàm|\bgặp\b|\bthăm\b|điện đàm|hội kiến|"
                          r"\btiếp\b|làm việc|đối tác|ủng hộ|hỗ trợ|viện trợ|giúp|đồng ý|nhất trí|thống nhất|cam kết|"
                          r"nhân đạo|đối thoại|đàm phán")
# Any word of cooperation, exchange, aid, accession or meeting: a record with no event or
# instrument needs one (or an agreement named in its sentences).
_COOPERATION_CUES = re.compile(_COOPERATION.pattern + r"|liên kết|phối hợp|liên doanh|kết nghĩa|hữu nghị|quan hệ|đầu tư|"
                               r"song phương|đa phương|hội nghị|hội thảo|diễn đàn|giao lưu|trao đổi|tài trợ|thương mại|"
                               r"liên minh|họp|thương thảo|gia nhập|bàn giao|\btặng\b|"
                               r"(?<!nói )(?<!nhìn )\bchung\b(?!\s+(?:kết|cư|cuộc))")
_NAME_LABELS = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
_FOUNDED_BEFORE = re.compile(r"(?i)(?:thiết lập quan hệ(?: ngoại giao)?|thành lập|kể từ)\s*(?:ngày\s*)?\(?\s*$")
_STATE_OFFICE = re.compile(r"(?i)thủ tướng|tổng thống|bộ trưởng|ngoại trưởng|thứ trưởng|quốc vương|vua|hoàng|"
                           r"đại sứ|nghị sĩ|chủ tịch nước|chủ tịch quốc hội")
_CREDIT_BEFORE = re.compile(r"\b(?:Ảnh|Nguồn|Video|Clip)\s*:\s*(?:[^\s/]+\s*/\s*)?$")
_SPOKESPERSON = re.compile(r"(?i)phát ngôn")
# An office held in the past, said just before the holder's name (`thời Tổng thống`, `cựu Thủ tướng Nhật Bản`).
_PAST_OFFICE = re.compile(r"(?i)(?:\bthời|\bcựu|\bchính quyền(?: của)?(?: hai| các)?)\s+[^\s,.;]+(?:\s+[^\s,.;]+){0,4}\s*$")
_THEN = re.compile(r"\s+khi đó\b")
_MESSAGE_BEFORE = re.compile(r"(?i)\b(?:chuyển|gửi|truyền tải|chuyển tải|nhắn)\s+(?:tới\s+|đến\s+)?(?:lời|thông điệp)\b"
                             r"[^.;:!?]{0,70}$")
_DECLARATION = re.compile(r"(?i)(?:bản )?tuyên bố(?! chung)")
_PLANNED_EVENT_AFTER = re.compile(
    r"(?i)[^.;:]{0,40}?\b(?:sắp tới|tới đây|dự kiến|theo kế hoạch|(?:tuần|tháng|năm) tới|đang được[^.;]{0,20}sắp xếp)\b")
_WISHED_BEFORE = re.compile(
    r"(?i)(?:mong muốn|mong|chuẩn bị cho|kêu gọi|đề nghị|lời mời|khôi phục)\s+(?:\S+\s+){0,3}$")  # and _PLANNED's
_CARRIED_OUT_BEFORE = re.compile(
    r"(?i)\b(?:thực hiện|triển khai|thực thi|tuân thủ|áp dụng|vi phạm|rút khỏi|hủy bỏ|huỷ bỏ|hủy|huỷ)"
    r"(?:\s+(?:có hiệu quả|hiệu quả|đầy đủ|nghiêm túc|tốt))?(?:\s+(?:các|những|một|hai|\d+))?\s+$")
_SIGN_WORD = re.compile(r"(?<!đăng )(?<!\w)(?:ký|kí)(?!\w)", re.I)
_SAME_DAY = re.compile(r"\bcùng ngày\b", re.I)
_VISIT = re.compile(r"\bthăm\b|chuyến công tác|công du|\bdẫn đầu (?:đoàn|phái đoàn)\b", re.I)
# `tiếp` receiving someone: not `tiếp tục`, `tiếp nhận` and the other words it opens, nor `trực tiếp`, `liên tiếp`
RECEIVES = (r"(?<!trực )(?<!gián )(?<!kế )(?<!liên )"
            r"tiếp(?!\s+(?:tục|nhận|cận|theo|đó|thu|diễn|sức|tế|giáp|nối|quản|viện|xúc|thị))")
_MEETING = re.compile(
    rf"hội đàm|người đồng cấp|làm việc|hội kiến|\b{RECEIVES}\b|hội thảo|thảo luận|điện đàm|hội nghị|tọa đàm|toạ đàm"
    r"|đối thoại|gặp(?!\s+(?:khó|phải|nạn|sự cố|trở ngại|rắc rối))",  # not running into trouble (`gặp khó`)
    re.I,
)


def instrument_of(text: str) -> str | None:
    """Instrument code of an AGREEMENT span (`Bản ghi nhớ` → `mou`); a twinning MoU is `mou`.

    `ghi nhớ` names the kind of the whole (`Biên bản ghi nhớ`, `Thỏa thuận ghi nhớ` are MoUs);
    otherwise the strongest kind word decides.
    """
    lowered = text.lower()
    found = [code for code, pattern in _INSTRUMENT_WORDS if re.search(pattern, lowered)]
    if "mou" in found:
        return "mou"
    return min(found, key=INSTRUMENTS.index) if found else None


def build_record(doc: Document, by_id: dict[str, Entity], party_names: dict[str, str], parties: list[Party],
                 evidence: list[tuple[int, int]], elsewhere: list[tuple[int, int]]) -> Partnership:
    """A record from the mentions of its parties, less those in another record's sentences."""
    names = {p.name for p in parties}
    party_ids = {
        ent_id for ent_id, name in party_names.items()
        if name in names and not _within(by_id[ent_id].start, elsewhere)
    }
    sectors = []
    for rel in doc.relations:
        code = (by_id[rel.tail].normalized or {}).get("code") if rel.label == "COOPERATES_IN" else None
        if rel.head in party_ids and code and code not in sectors:
            sectors.append(code)
    for ent in doc.entities:  # fields named in the record's sentences, linked or not
        code = _field_code(ent)
        if code and code not in sectors and _within(ent.start, evidence):
            sectors.append(code)
    signers = party_ids | {r.head for r in doc.relations if r.label == "AFFILIATED_WITH" and r.tail in party_ids}
    signed = [by_id[r.tail] for r in doc.relations if r.label == "SIGNED" and r.head in signers
              and not witnessed_by(doc.text, by_id[r.head])
              and not _planned(doc.text, by_id[r.tail]) and not _unsigned_declaration(doc.text, by_id[r.tail])]
    instruments = [_signed_instrument(a) for a in signed]
    instrument = min(instruments, key=INSTRUMENTS.index) if instruments else event_instrument(doc, evidence)
    strongest = [a for a in signed if _signed_instrument(a) == instrument] or _named(doc, instrument, evidence)
    return Partnership(
        parties=parties, sectors=sectors, date=_anniversary_day(_record_date(doc, by_id, strongest, evidence)),
        instrument=instrument, people=_of_the_parties(_with_party_country(_people(doc, evidence), parties), parties),
        evidence=evidence,
    )


def sector_codes(doc: Document) -> list[str]:
    """The codes of the document's SECTOR mentions, in text order, once each."""
    codes = [(ent.normalized or {}).get("code") for ent in doc.entities if ent.label == "SECTOR"]
    return list(dict.fromkeys(code for code in codes if code))


def _named(doc: Document, instrument: str | None, evidence: list[tuple[int, int]]) -> list[Entity]:
    """The instruments of level ``instrument`` that the record's sentences name, where the words
    gave the record that level but no SIGNED relation reached one (its signer went untagged):
    their date is the record's, not that of a weaker instrument signed before."""
    if instrument not in INSTRUMENTS or INSTRUMENTS.index(instrument) >= INSTRUMENTS.index("visit"):
        return []
    return [ent for ent in doc.entities if ent.label == "AGREEMENT" and _within(ent.start, evidence)
            and _signed_instrument(ent) == instrument and not _planned(doc.text, ent)]


def _signed_instrument(agreement: Entity) -> str:
    """The code of a signed instrument; one with no instrument word (`văn kiện`, `Kế hoạch`) is an agreement."""
    return instrument_of(agreement.text) or "agreement"


def _unsigned_declaration(text: str, agreement: Entity) -> bool:
    """Whether an instrument is a declaration (`Tuyên bố Hội nghị thượng đỉnh`; a joint statement,
    `tuyên bố chung`, is an agreement) that the words before it do not say was signed: one only
    adopted or issued leaves the event the instrument (GUIDELINES: adopted texts)."""
    return _DECLARATION.match(agreement.text) is not None \
        and _SIGN_WORD.search(text, max(0, agreement.start - 80), agreement.start) is None


def _planned(text: str, agreement: Entity) -> bool:
    """Whether the words around an agreement say it is yet to be signed (`sẽ ký kết` before it,
    `Nhiều hợp đồng sẽ được ký kết` after it), or only that it is carried out, with no word of
    its signing near (`Nga đã bắt đầu thực hiện hợp đồng`, `triển khai có hiệu quả các tuyên bố chung`)."""
    if _announced_before(text, agreement.start, 60) or _PLANNED_AFTER.search(text[agreement.end:agreement.end + 60]):
        return True
    return _CARRIED_OUT_BEFORE.search(text, max(0, agreement.start - 45), agreement.start) is not None \
        and _SIGN_WORD.search(text, max(0, agreement.start - 80), agreement.end + 40) is None


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` falls inside one of ``spans`` (sentences as ``(start, end)``, in text order)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


def event_instrument(doc: Document, evidence: list[tuple[int, int]]) -> str | None:
    text = " ".join(doc.text[s:e] for s, e in evidence) or doc.text[:2000]
    if _held(_SIGNING, text):
        return "agreement"  # signed, with no instrument named (`ký kết hợp tác`)
    if _held(_VISIT, text):
        return "visit"
    if _MEETING.search(text):  # the gold keeps a planned meeting a meeting
        return "meeting"
    return None


def conflict_only(doc: Document, record: Partnership) -> bool:
    """Whether a record with no event or instrument is told only as conflict or criticism
    (`Mỹ công bố trừng phạt mới đối với Nga`, `Hàn Quốc lên án vụ phóng tên lửa của Triều Tiên`):
    its sentences hold a word of conflict and none of cooperation, meeting or agreement. The
    guidelines give pure conflict or criticism no record."""
    if record.instrument is not None:
        return False
    text = " ".join(doc.text[start:end] for start, end in record.evidence)
    return _CONFLICT.search(text) is not None and _COOPERATION.search(text) is None


def without_cooperation(doc: Document, record: Partnership) -> bool:
    """Whether a record with no event or instrument has not one word of cooperation, exchange or
    meeting in its sentences (`Mỹ thả bom nhầm vào Australia`, `Hoa hậu Việt Nam đã lên đường sang
    Trung Quốc`): two parties the relation head paired only because one sentence names both. On a
    random sample of the whole corpus such records were nearly all of this kind. Names do not
    count (`Công ty Than Thống Nhất` says no `thống nhất`)."""
    if record.instrument is not None:
        return False
    inside = [ent for ent in doc.entities if any(start <= ent.start < end for start, end in record.evidence)]
    if any(ent.label == "AGREEMENT" for ent in inside):
        return False
    names = [ent for ent in inside if ent.label in _NAME_LABELS]
    return not any(_COOPERATION_CUES.search(_without_names(doc.text, start, end, names))
                   for start, end in record.evidence)


def _without_names(text: str, start: int, end: int, names: list[Entity]) -> str:
    """``text[start:end]`` with the names inside it blanked out."""
    chars = list(text[start:end])
    for ent in names:
        if start <= ent.start and ent.end <= end:
            chars[ent.start - start:ent.end - start] = " " * (ent.end - ent.start)
    return "".join(chars)


def stronger_signed(doc: Document, sentences: list[Sentence], instrument: str | None,
                    others: set[tuple[int, int]] = frozenset()) -> str | None:
    """The main record's instrument: an event (a visit, a meeting, or none) yields to the strongest
    instrument the article reports signed (`hai nước đã 3 lần ký Hiệp ước ...`, `lễ ký kết 5 văn
    kiện`), background included: the gold takes the strongest instrument the article reports
    for the group. A signed instrument the relations gave stays. The record keeps its date:
    most such signings happen at the event (round 4 and the train rounds' gold: 4 of 6).
    ``others``: the sentences of the other records only, whose signings are theirs (two
    companies' memorandum during a king's visit is not the visit's)."""
    if instrument not in _EVENTS:
        return instrument
    sentence_at = sentence_finder(sentences)
    signed = []
    for agreement in (ent for ent in doc.entities if ent.label == "AGREEMENT"):
        sentence = sentences[sentence_at(agreement.start)]
        if (sentence.start, sentence.end) in others:
            continue
        if _held(_SIGNED_PAST, doc.text[sentence.start:sentence.end]) and not _planned(doc.text, agreement):
            signed.append(_signed_instrument(agreement))
    return min(signed, key=INSTRUMENTS.index) if signed else instrument


def _held(event: re.Pattern, text: str) -> bool:
    """Whether ``text`` reports an ``event`` that took place, not one announced (`sẽ đến thăm`,
    `chuyến thăm ... sắp tới`) or wished for (`mong muốn các chuyến thăm`)."""
    return any(not _announced_before(text, m.start(), 40) and not _planned_after(text, m.end(), event is _VISIT)
               and not _WISHED_BEFORE.search(text, max(0, m.start() - 40), m.start())
               for m in event.finditer(text))


def _planned_after(text: str, end: int, past_a_comma: bool) -> bool:
    """Whether the words after an event at ``end`` say it is still to come (`chuyến thăm ... sắp
    tới`). A visit reads them past a comma (`sang thăm Việt Nam (khoảng 20 người), dự kiến`); a
    signing only within its clause, as a comma often opens the parties' next plan (`đã ký kết hợp
    tác, dự kiến đầu tư`)."""
    later = _PLANNED_EVENT_AFTER.match(text, end)
    return later is not None and (past_a_comma or "," not in later.group())


def _announced_before(text: str, at: int, reach: int) -> bool:
    """Whether the ``reach`` characters before ``at`` say what follows is still to come (`sẽ`, `dự kiến`)."""
    return _PLANNED.search(text[max(0, at - reach):at]) is not None


def _field_code(ent: Entity) -> str | None:
    """The sector code a mention names: a SECTOR's, or that of the field inside an agreement's
    name (`Thỏa thuận hợp tác đào tạo`: the guidelines give the record its code, not a span)."""
    if ent.label == "SECTOR":
        return (ent.normalized or {}).get("code")
    return sector_code(ent.text) if ent.label == "AGREEMENT" else None


def _record_date(doc: Document, by_id: dict[str, Entity], strongest: list[Entity],
                 evidence: list[tuple[int, int]]) -> str | None:
    """The date of the strongest instrument, else of an event in the evidence.

    A weaker instrument's date is not the record's: it was signed earlier (`Căn cứ Ý định
    thư đã ký kết ngày 21/4/2023, ... ký kết Bản ghi nhớ`).
    """
    dated: dict[str, str | None] = {}
    for rel in (r for r in doc.relations if r.label == "DATE_OF"):
        value = (by_id[rel.tail].normalized or {}).get("value")
        if _coarseness(value) <= _coarseness(dated.get(rel.head)):  # the signing day, not the period covered
            dated[rel.head] = value
    for agreement in strongest:
        if dated.get(agreement.id):
            return dated[agreement.id]
    events = [value for head_id, value in dated.items()
              if value and by_id[head_id].label != "AGREEMENT" and _within(by_id[head_id].start, evidence)]
    if events:  # the finest: a meeting recalled from `tháng 11 năm ngoái` is not this visit's `10/5`
        return min(events, key=_coarseness)
    strongest_ids = {a.id for a in strongest}
    weaker = {r.tail for r in doc.relations if r.label == "DATE_OF" and by_id[r.head].label == "AGREEMENT"
              and r.head not in strongest_ids}
    return _first_day(doc, evidence, skip=weaker) or (first_event_date(doc, by_id, skip=weaker) if weaker else None)


def _anniversary_day(value: str | None) -> str | None:
    """The day an anniversary's span of years ends, which is the day of the event that marks it
    (`11/7/1995-11/7/2017` → `2017-07-11`); any other value as it is."""
    return value.split("/")[1] if value and _YEARS_APART.fullmatch(value) else value


def _coarseness(value: str | None) -> int:
    """0 for a day or a range of days, 1 for a month, 2 for a year or a span of years (an
    anniversary's `12/6/1990-12/6/2017` too), 3 for none."""
    if not value:
        return 3
    if _DAYS.fullmatch(value):
        return 2 if _YEARS_APART.fullmatch(value) else 0
    return 1 if _MONTH.fullmatch(value) else 2


def _first_day(doc: Document, spans: list[tuple[int, int]], skip: set[str] = frozenset()) -> str | None:
    """The first date of day precision (or a range of days) within ``spans``, but for the dates
    of ``skip``: the event's, most often. `cùng ngày` (the same day) is the day named before it."""
    days = sorted((ent.start, value) for ent, value in _days(doc) if ent.id not in skip)
    found = [(start, value) for start, value in days if _within(start, spans)]
    for span_start, span_end in spans:
        for same in _SAME_DAY.finditer(doc.text, span_start, span_end):
            before = bisect.bisect_left(days, (same.start(),))
            if before:
                found.append((same.start(), days[before - 1][1]))
    return min(found)[1] if found else None


def _days(doc: Document) -> Iterator[tuple[Entity, str]]:
    """The DATE mentions of day precision (or a range of days), with their values, but for the
    day a relation or a body was founded (`thiết lập quan hệ ngoại giao (1/7/1975)`): history."""
    for ent in doc.entities:
        value = (ent.normalized or {}).get("value") or ""
        if ent.label == "DATE" and _coarseness(value) == 0 \
                and not _FOUNDED_BEFORE.search(doc.text, max(0, ent.start - 40), ent.start):
            yield ent, value


def first_event_date(doc: Document, by_id: dict[str, Entity], skip: set[str] = frozenset()) -> str | None:
    """The value of the first dated DATE_OF tail in the text, but for the dates of ``skip``."""
    dates = sorted((by_id[r.tail] for r in doc.relations if r.label == "DATE_OF" and r.tail not in skip),
                   key=lambda d: d.start)
    return next((d.normalized["value"] for d in dates if (d.normalized or {}).get("value")), None)


def lead_people(doc: Document, lead: list[tuple[int, int]], record: Partnership) -> list[Person]:
    """People the lead names for a country of the main record's parties who are not in it yet
    (the leaders of a visit are often named before the sentences that pair the parties)."""
    countries = {p.country for p in record.parties if p.country}
    return [p for p in _newcomers(_people(doc, lead), record) if p.country in countries]


def officials(doc: Document) -> list[Person]:
    """The people with an office the article names anywhere, each once (see ``_people``)."""
    return _people(doc, [])


def _newcomers(people: list[Person], record: Partnership) -> list[Person]:
    """``people`` less those the record already lists, however their names are spelt."""
    listed = {spelling_key(p.name): p for p in record.people}
    return [p for p in people if _person_key(p.name, listed) not in listed]


def member_people(doc: Document, by_id: dict[str, Entity], party_names: dict[str, str], record: Partnership,
                  named: list[Person]) -> list[Person]:
    """People with an office the article ties to a body or place among the record's parties
    (AFFILIATED_WITH), wherever it names them, who are not in the record yet: the main record's
    company chairman is named in the lead, its partners listed later (`Chủ tịch Tập đoàn Đất
    Xanh Lương Trí Thìn` for each of the group's partners). Not for the country parties, whose
    officials fill the article. ``named``: the article's officials (:func:`officials`)."""
    names = {p.name for p in record.parties if p.kind != "country"}
    bodies = {ent_id for ent_id, name in party_names.items() if name in names}
    members = {by_id[r.head].text for r in doc.relations if r.label == "AFFILIATED_WITH" and r.tail in bodies}
    return [p for p in _newcomers(named, record)
            if any(p.name == member or p.name.endswith(" " + member) for member in members)]


def officials_abroad(records: list[Partnership], named: list[Person]) -> None:
    """Add to a record the foreign state officials of a country that no other record holds,
    wherever the article names them: the counterpart of a call or visit is often named only
    in the sentences about it, which no relation pairs (`điện đàm ... với các nhà lãnh đạo Đức,
    Anh và Australia`, then `Thủ tướng Đức Angela Merkel`). Not Việt Nam's officials, who fill
    Vietnamese news. ``named``: the article's officials (:func:`officials`)."""
    holders: dict[str, list[Partnership]] = {}
    for record in records:
        for country in {p.country for p in record.parties if p.country and p.country != "VN"}:
            holders.setdefault(country, []).append(record)
    for person in named:
        owners = holders.get(person.country or "", [])
        if len(owners) == 1 and _STATE_OFFICE.search(person.title or ""):
            owners[0].people += _newcomers([person], owners[0])


def _recalled_people(doc: Document) -> set[str]:
    """Names the article gives only as office holders of the past (`thời Tổng thống Bill Clinton`,
    `cựu Tổng thống Mỹ Barack Obama`, `chính quyền của hai Tổng thống George W. Bush`) or as the
    sender or addressee of a message passed on (`truyền tải thông điệp tới Tổng thống Donald Trump`,
    `chuyển lời mời Thủ tướng Canada`): neither takes part in the record's event."""
    past: dict[str, bool] = {}
    for ent in doc.entities:
        if ent.label == "PERSON":
            before = doc.text[max(0, ent.start - 45):ent.start]
            after = doc.text[ent.end:ent.end + 10]
            then = bool(_PAST_OFFICE.search(before) or _THEN.match(after)
                        or _MESSAGE_BEFORE.search(doc.text, max(0, ent.start - 110), ent.start))
            past[ent.text] = past.get(ent.text, True) and then
    return {name for name, only_past in past.items() if only_past}


def _with_party_country(people: list[Person], parties: list[Party]) -> list[Person]:
    """People whose foreign name no mention gives a country take the record's one foreign
    country (`Thủ tướng Shinzo Abe` in a record of Việt Nam and Nhật Bản). Beside a party of no
    country (`EU`, `ASEAN`), only a state's officer does: a `Chủ tịch` may be the bloc's."""
    foreign = {p.country for p in parties if p.country and p.country != "VN"}
    if len(foreign) != 1:
        return people
    bloc = any(p.country is None for p in parties)
    return [Person(p.name, p.title, next(iter(foreign)))
            if p.country is None and not vietnamese_name(p.name) and (not bloc or _STATE_OFFICE.search(p.title or ""))
            else p for p in people]


def _of_the_parties(people: list[Person], parties: list[Party]) -> list[Person]:
    """The people who act for a party: where every party has a country, no one of another country
    (`Thủ tướng Singapore Goh Chok Tong`, quoted in a record of Việt Nam and Indonesia)."""
    countries = {p.country for p in parties}
    if None in countries:
        return people
    return [p for p in people if p.country is None or p.country in countries]


# Leaders who died before the news this library reads, whom articles recall (`Chủ tịch Hồ Chí Minh`,
# `Chủ tịch Mao Trạch Đông`): no record's people; the gold lists none of them.
_LATE_LEADERS = frozenset({
    "Hồ Chí Minh", "Tôn Đức Thắng", "Lê Duẩn", "Mao Trạch Đông", "Chu Ân Lai", "Đặng Tiểu Bình",
    "Lenin", "Lê-nin", "V.I. Lenin", "Kaysone Phomvihane", "Cay-xỏn Phôm-vi-hản", "Souphanouvong", "Suphanuvong",
    "Xu-pha-nu-vông", "Che Guevara",
    "Roosevelt", "Franklin Roosevelt", "Franklin D. Roosevelt", "Abraham Lincoln", "George Washington",
})
_LATE_LEADER_KEYS = frozenset(spelling_key(name) for name in _LATE_LEADERS)  # `Cay xỏn Phôm-vi-hản` too


def _people(doc: Document, evidence: list[tuple[int, int]]) -> list[Person]:
    """People with an office who are named in the record's evidence sentences (a shorter mention
    as the full name the article gives elsewhere); a degree alone (`TS.`) is no office, and a
    photographer named in a credit (`Ảnh: VGP/Quang Hiếu`) acts for no party, nor does a late
    leader the article recalls (`Chủ tịch Hồ Chí Minh`, `Chủ tịch Mao Trạch Đông`), nor
    a spokesperson, who speaks for a party (the tagger's gold-set records listed 4, the gold 1), nor
    anyone the article names only as a holder of a past office (`thời Tổng thống Bill Clinton`)."""
    titles = {e.text: e.normalized.get("title") for e in doc.entities if e.label == "PERSON" and e.normalized}
    full = full_names(list({e.text for e in doc.entities if e.label == "PERSON"}), titles)
    recalled = _recalled_people(doc)
    people: dict[str, Person] = {}
    for ent in doc.entities:
        if ent.label != "PERSON" or not ent.normalized or not ent.normalized.get("title") \
                or is_degree(ent.normalized["title"]):
            continue
        if evidence and not _within(ent.start, evidence):
            continue
        if _CREDIT_BEFORE.search(doc.text, max(0, ent.start - 40), ent.start) \
                or spelling_key(ent.text) in _LATE_LEADER_KEYS:
            continue
        if _SPOKESPERSON.search(ent.normalized["title"]) or ent.text in recalled:
            continue
        value, name = ent.normalized, full.get(ent.text, ent.text)
        key = _person_key(name, people)
        known = people.get(key)
        if known is None:
            people[key] = Person(name, value.get("title"), value.get("country"))
        elif has_middle_initial(known.name) and not has_middle_initial(name):  # `Donald Trump`, not `Donald J. Trump`
            people[key] = Person(name, known.title, known.country)
    return list(people.values())


def _person_key(name: str, people: dict[str, Person]) -> str:
    """The spelling key of ``name``, or that of a listed foreign name it misspells by one letter
    (`Sinzo Abe` for `Shinzo Abe`). Vietnamese names one letter apart are other people (`Hùng`, `Hưng`)."""
    key = spelling_key(name)
    if len(key) < 8 or key in people or vietnamese_name(name):
        return key
    return next((known for known in people if not vietnamese_name(people[known].name)
                 and _one_edit_apart(key, known)), key)


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted or replaced character."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[at + (len(a) == len(b)):] == b[at + 1:]

