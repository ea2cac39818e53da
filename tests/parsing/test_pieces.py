"""The parser's pieces, one behaviour each, in all six languages where the pieces differ by language."""
import datetime

import pytest

from records.parsing.citations import documents, resolutions
from records.parsing.clock import parse_date, parse_time
from records.parsing.countries import index_for
from records.parsing.extract import extract
from records.parsing.labels import parse_label
from records.parsing.lexicon import get
from records.parsing.normalize import normalize
from records.parsing.numbers import chinese_number, number_from_words


@pytest.mark.parametrize("text,value", [("九五八九", 9589), ("一〇一二四", 10124), ("七十九", 79),
                                        ("九千五百八十九", 9589), ("十", 10), ("9589", 9589)])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("lang,words,value", [
    ("en", "Seventy-fifth", 75), ("en", "Seventy-ninth", 79), ("en", "One hundred and first", 101),
    ("fr", "Quatre-vingt-unième", 81), ("fr", "Soixante-quinzième", 75), ("es", "Octogésimo primer", 81),
    ("ru", "Восемьдесят первый", 81), ("ar", "الحادية والثمانون", 81), ("zh", "七十九", 79),
])
def test_council_year_words(lang, words, value):
    assert number_from_words(words, get(lang)) == value


@pytest.mark.parametrize("lang,text,date,time", [
    ("en", "Friday, 10 January 2020, 3 p.m.", datetime.date(2020, 1, 10), "15:00"),
    ("en", "The meeting rose at 12.30 p.m.", None, "12:30"),
    ("en", "at noon", None, "12:00"),
    ("fr", "Lundi 23 mars 2026, à 15 heures", datetime.date(2026, 3, 23), "15:00"),
    ("es", "Lunes 23 de marzo de 2026, a las 15.00 horas", datetime.date(2026, 3, 23), "15:00"),
    ("ru", "Понедельник 23 марта 2026 года, 15 ч 00 мин", datetime.date(2026, 3, 23), "15:00"),
    ("zh", "2024年3月26日星期二下午3时举行", datetime.date(2024, 3, 26), "15:00"),
    ("zh", "下午4时20分散会。", None, "16:20"),
    ("ar", "الاثنين، 23 آذار/مارس 2026، الساعة 15/00", datetime.date(2026, 3, 23), "15:00"),
    ("ar", "15/00 ، الساعة2026 آذار/مارس 23 الاثنين،", datetime.date(2026, 3, 23), "15:00"),  # reordered
])
def test_dates_and_times(lang, text, date, time):
    assert parse_date(text, get(lang)) == date
    assert parse_time(text, get(lang)) == time


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Mr. Nebenzia (Russian Federation) (spoke in Russian): The",
     ("Mr. Nebenzia (Russian Federation)", "person", "Nebenzia", "Russian Federation", "ru")),
    ("en", "The President: I", ("The President", "president", None, None, None)),
    ("en", "Mr. Chambas (spoke in French): I", ("Mr. Chambas", "person", "Chambas", None, "fr")),
    ("en", "The Secretary-General: I", ("The Secretary-General", "office", None, None, None)),
    ("fr", "Le Président (parle en anglais) : Conformément", ("Le Président", "president", None, None, "en")),
    ("es", "El Presidente (habla en inglés): De", ("El Presidente", "president", None, None, "en")),
    ("ru", "Председатель (говорит по-английски): На", ("Председатель", "president", None, None, "en")),
    ("ru", "Г-н Небензя (Российская Федерация): Мы",
     ("Г-н Небензя (Российская Федерация)", "person", "Небензя", "Российская Федерация", None)),
    ("zh", "主席（以英语发言）：我", ("主席", "president", None, None, "en")),
    ("zh", "孙磊先生（中国）：我", ("孙磊先生（中国）", "person", "孙磊", "中国", None)),
    ("ar", "الرئيس (تكلم بالإنكليزية): أشكر", ("الرئيس", "president", None, None, "en")),
    ("es", "Sra. Nancy Abdulla (Bahrein) (habla en árabe): Para",
     ("Sra. Nancy Abdulla (Bahrein)", "person", "Nancy Abdulla", "Bahrein", "ar")),
    ("fr", "M. Nebenzia (Fédération de Russie) (parle en russe) : Nous",
     ("M. Nebenzia (Fédération de Russie)", "person", "Nebenzia", "Fédération de Russie", "ru")),
    ("ar", "السيدة ديكارلو (تكلمت بالإنكليزية): لقد", ("السيدة ديكارلو", "person", "ديكارلو", None, "en")),
])
def test_speaker_labels(lang, text, expected):
    label = parse_label(text, get(lang))
    assert (label.text, label.kind, label.name, label.paren, label.spoken_language) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Mr. Guterres said: we must act."),
    ("en", "Mr. President, I thank you: first"),
    ("zh", "主席先生，感谢你召开本次会议：首先"),
    ("en", "(spoke in English)"),
])
def test_sentences_that_are_not_labels(lang, text):
    assert parse_label(text, get(lang)) is None


@pytest.mark.parametrize("lang,name,iso3", [
    ("en", "the Niger", "NER"), ("en", "United Kingdom", "GBR"), ("en", "Islamic Republic of Iran", "IRN"),
    ("en", "State of Palestine", "PSE"), ("en", "Holy See", "VAT"), ("zh", "联合王国", "GBR"),
    ("fr", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "GBR"), ("ru", "Сомали", "SOM"),
    ("es", "Reino Unido de Gran Bretaña e Irlanda del Norte", "GBR"), ("ar", "الاتحاد الروسي", "RUS"),
])
def test_country_names(lang, name, iso3):
    assert index_for(lang).resolve(name) == iso3


def test_a_language_name_is_not_a_country():
    assert index_for("zh").resolve("西班牙语") is None
    assert [c for c, _, _ in index_for("zh").scan("以西班牙语发言")] == []
    assert [c for c, _, _ in index_for("zh").scan("西班牙、葡萄牙")] == ["ESP", "PRT"]


def test_vote_list_scanning_handles_wrapped_names():
    text = "China, Russian Federation, United Kingdom of Great Britain and\nNorthern Ireland, Viet Nam"
    assert [c for c, _, _ in index_for("en").scan(text)] == ["CHN", "RUS", "GBR", "VNM"]


def test_resolutions_in_every_language():
    assert resolutions("resolution 1540 (2004)", get("en")) == ["1540 (2004)"]
    assert resolutions("第1540（2004）号决议", get("zh")) == ["1540 (2004)"]
    assert resolutions("la résolution 1540 (2004)", get("fr")) == ["1540 (2004)"]
    assert resolutions("резолюции 1540 (2004)", get("ru")) == ["1540 (2004)"]
    assert resolutions("resoluciones 1267 (1999) y 2253 (2015)", get("es")) == ["1267 (1999)", "2253 (2015)"]
    # A number in brackets that cannot be that year's resolution is no citation: 2263 (2022) is a typo.
    assert resolutions("第2263 (2022) 号决议 and paragraph 6 (2020) of resolution", get("zh")) == []


def test_document_symbols():
    text = "(见S/PV.9588) letter (S/2023/1067). See A/RES/46/182, S/PRST/2020/1 and room AB-0928."
    assert documents(text) == ["S/PV.9588", "S/2023/1067", "A/RES/46/182", "S/PRST/2020/1"]


def _normalized(text, lang):
    return [b.text for b in normalize(extract(text.encode()), get(lang)).blocks]


def test_page_furniture_is_removed_and_split_paragraphs_rejoined():
    text = ("第一段文字，这是一个很长的段落，它在页面底部被分页符截断了，所以根\n\n"
            "24-08209 (C)\n\n无障碍文件\n\n请回收\n\n据安理会暂行议事规则第二条。\n\n短标题\n\n下一段。")
    assert _normalized(text, "zh") == ["第一段文字，这是一个很长的段落，它在页面底部被分页符截断了，所以根据安理会暂行议事规则第二条。",
                                        "短标题", "下一段。"]


def test_justification_spaces_inside_chinese_words_are_removed():
    assert _normalized("艾 哈 迈德先 生（巴基 斯 坦）：我们\n\n第1540 (2004) 号决议。", "zh") == [
        "艾哈迈德先生（巴基斯坦）：我们", "第1540 (2004) 号决议。"]
    # Transcribed names keep their middle dot, without the spaces an extractor put around it.
    text = _normalized("布朗 · 伊尔先生（利比里亚）（以英语发言）：主席先生。", "zh")[0]
    assert text.startswith("布朗·伊尔先生（利比里亚）")
    assert parse_label(text, get("zh")).name == "布朗·伊尔"


def test_running_headers_and_footers_are_removed():
    text = ("Ceci est une longue ligne de texte justifié qui remplit toute la largeur de la colonne en\n"
            "S/PV.10124 Maintien de la paix et de la sécurité de l’Ukraine 23/03/2026\n"
            "26-039204/31\n"
            "continuant sur la page suivante sans coupure de paragraphe et se termine ici.\n")
    assert _normalized(text, "fr") == [
        "Ceci est une longue ligne de texte justifié qui remplit toute la largeur de la colonne en "
        "continuant sur la page suivante sans coupure de paragraphe et se termine ici."]


def test_hyphenation_rules_per_language():
    assert _normalized("le règlement in-\ntérieur du Conseil.", "fr") == ["le règlement intérieur du Conseil."]
    assert _normalized("the Secretary-\nGeneral and cross-\nborder aid.", "en") == [
        "the Secretary-General and cross-border aid."]


def _parse(text):
    from records.parsing import parse_bytes

    return parse_bytes(text.encode("utf-8"))


EN_COVER = """United Nations S/PV.9999
Security Council
Eightieth year
9999th meeting
Monday, 6 January 2025, 10 a.m.
New York
Provisional
President: Mr. Alpha . . . . . . . . . . . . . . . . . . . (France)
Members: China . . . . . . . . . . . . . . . . . . . Mr. Fu Cong
Russian Federation . . . . . . . . . . . . . . . . . . . Mr. Nebenzia
United Kingdom of Great Britain and Northern Ireland . . . Lord Ahmad of Wimbledon
United States of America . . . . . . . . . . . . . . . Mrs. Shea

Agenda

Maintenance of international peace and security

The meeting was called to order at 10.05 a.m.
"""


def test_a_label_with_a_language_the_lexicon_lacks_still_opens_a_turn():
    record = _parse(EN_COVER + "\nThe President: I give the floor to the representative of Serbia.\n\n"
                    "Mr. Vučić (Serbia) (spoke in Tongan): Thank you.\n\nThe meeting rose at 11 a.m.\n")
    assert [s.label for s in record.speeches] == ["The President", "Mr. Vučić (Serbia)"]
    assert record.speeches[1].spoken_language == "en" and record.speeches[1].role == "invited"
    assert any("Tongan" in w for w in record.warnings)
    serbian = _parse(EN_COVER + "\nMr. Vučić (Serbia) (spoke in Serbian): Thank you.\n")
    assert serbian.speeches[0].spoken_language == "sr"


def test_names_with_particles_and_peerages():
    record = _parse(EN_COVER + "\nLord Ahmad of Wimbledon (United Kingdom): I thank you.\n")
    assert record.speeches[0].name == "Ahmad of Wimbledon" and record.speeches[0].country == "GBR"


def test_a_label_after_a_page_break_in_text_input_opens_a_turn():
    record = _parse(EN_COVER + "\nThe President: I give the floor to the representative of the Russian\n"
                    "\fMr. Nebenzia (Russian Federation) (spoke in Russian): We thank you.\n")
    assert [s.label for s in record.speeches] == ["The President", "Mr. Nebenzia (Russian Federation)"]


def test_national_capacity_is_a_statement_for_the_presidency_s_country_only():
    own = _parse(EN_COVER + "\nThe President: I now speak in my national capacity.\n")
    chair = _parse(EN_COVER + "\nThe President: I shall now make a statement in my capacity as President "
                   "of the Council.\n")
    assert own.speeches[0].national_capacity is True
    assert chair.speeches[0].national_capacity is False


VOTE = """
The President: Members of the Council have before them document S/2025/7, which contains the text of a
draft resolution submitted by France.

Mr. Fu Cong (China): We shall vote in favour.

The President: I shall now put the draft resolution to the vote.

In favour:
China, France, Russian Federation, United States of America, China

Against:
United Kingdom of Great Britain and Northern Ireland

The President: The draft resolution received 4 votes in favour and 1 against. The draft resolution has not
been adopted, having failed to obtain the required number of votes.
"""


def test_a_vote_may_start_with_its_list_and_names_its_draft_earlier():
    (vote,) = _parse(EN_COVER + VOTE).votes
    assert vote.draft == "S/2025/7"  # named two turns before the vote
    assert vote.in_favour == ["CHN", "FRA", "RUS", "USA"]  # China once, though listed twice
    assert vote.against == ["GBR"] and vote.outcome == "not adopted"
    assert vote.vetoed_by == []  # four votes in favour: not a veto


def test_a_resolution_year_before_the_council_is_no_citation_and_no_crash():
    record = _parse(EN_COVER + "\nThe President: In 12 (1945) and resolution 1 (1946) we read.\n")
    assert record.resolutions_cited == ["1 (1946)"]


def test_members_in_the_two_lists_layout():
    """Some extractors give the States, then the representatives, each in their own column."""
    cover = EN_COVER.replace("""Members: China . . . . . . . . . . . . . . . . . . . Mr. Fu Cong
Russian Federation . . . . . . . . . . . . . . . . . . . Mr. Nebenzia
United Kingdom of Great Britain and Northern Ireland . . . Lord Ahmad of Wimbledon
United States of America . . . . . . . . . . . . . . . Mrs. Shea""", """Members: China
Russian Federation
United Kingdom of Great Britain and
Northern Ireland
United States of America
Mr. Fu Cong
Mr. Nebenzia
Lord Ahmad of Wimbledon
Mrs. Shea""")
    record = _parse(cover + "\nThe President: I open the meeting.\n")
    assert [(m.country, m.name) for m in record.members] == [
        ("CHN", "Mr. Fu Cong"), ("RUS", "Mr. Nebenzia"), ("GBR", "Lord Ahmad of Wimbledon"), ("USA", "Mrs. Shea")]


def test_a_label_that_wraps_onto_the_next_line():
    record = _parse(EN_COVER + "\nThe President: I give the floor to the representative of the Russian Federation.\n"
                    "Mr. Nebenzia (Russian Federation) (spoke in\nRussian): We have asked for this meeting.\n")
    second = record.speeches[1]
    assert (second.label, second.spoken_language) == ("Mr. Nebenzia (Russian Federation)", "ru")
    assert second.text == "We have asked for this meeting."
