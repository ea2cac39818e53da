"""The search index's documents, made from PostgreSQL: one per turn, with every language version.

    update_meetings(ids)  after an import commits: the meetings' turns anew (never before the commit)
    rebuild()             every turn anew, into a fresh index
    compare()             which meetings the index lacks, has stale or has that are gone
    catch_up()            mend what compare() finds (a crash between an import and its update)
"""
import datetime
import logging
import re

import tantivy
from django.db.models import Max

from records import languages, models
from records.models.choices import Role
from records.parsing.normalize import HAN
from records.search import engine
from records.search.index import pairs_text

logger = logging.getLogger(__name__)
EPOCH = datetime.date(1970, 1, 1)
BATCH = 500  # meetings read from PostgreSQL at a time when rebuilding
HAN_CHARACTER = re.compile(f"[{HAN}]")


def stamps(meeting_ids=None):
    """{meeting pk: its latest import in ms}, from PostgreSQL."""
    rows = models.Record.objects.values("meeting_id").annotate(latest=Max("imported_at"))
    if meeting_ids is not None:
        rows = rows.filter(meeting_id__in=list(meeting_ids))
    return {row["meeting_id"]: int(row["latest"].timestamp() * 1000) for row in rows}


def turn_documents(meeting_ids):
    """The documents of these meetings' turns."""
    kept = stamps(meeting_ids)
    meetings = {m.pk: m for m in models.Meeting.objects.filter(pk__in=list(kept)).only("pk", "number", "source_id")}
    speeches = (models.Speech.objects.filter(record__meeting_id__in=list(kept))
                .values_list("id", "record__meeting_id", "record_id", "record__language", "seq", "label", "text",
                             "role", "country_id", "national_capacity", "date").order_by("record__meeting_id", "seq"))
    cited = {}
    for speech_id, number in models.ResolutionMention.objects.filter(
            record__meeting_id__in=list(kept), speech__isnull=False).values_list("speech_id", "resolution__number"):
        cited.setdefault(speech_id, set()).add(number)
    turns = {}
    for row in speeches.iterator(chunk_size=2000):
        turns.setdefault((row[1], row[4]), []).append(row)
    return [_document(meetings[meeting], seq, versions, kept[meeting], cited) for (meeting, seq), versions in
            turns.items()]


def _document(meeting, seq, versions, stamp, cited):
    main = next((v for v in versions if v[2] == meeting.source_id), versions[0])
    _, _, _, _, _, _, _, role, country, national, date = main
    document = tantivy.Document()
    for field, value in (("meeting", meeting.pk), ("seq", seq), ("turn", meeting.pk * engine.TURNS + seq),
                         ("number", meeting.number)):
        document.add_unsigned(field, value)
    document.add_integer("stamp", stamp)
    document.add_integer("date", (date - EPOCH).days)
    document.add_text("role", role)
    for language in sorted({v[3] for v in versions}):
        document.add_text("languages", language)
    for version in versions:
        document.add_text("versions", f"{version[3]}:{version[0]}")
    document.add_text("label", " ".join(dict.fromkeys(v[5] for v in versions)))
    if country and not (role == Role.PRESIDENT and not national):  # the chair's procedural turns are nobody's
        document.add_text("state", country)
    for number in sorted(set().union(*(cited.get(v[0], set()) for v in versions))):
        document.add_unsigned("resolution", number)
    for version in versions:
        language, text = version[3], version[6]
        if languages.searched_by_pairs(language):  # Chinese: the one language in pairs (text_zh)
            document.add_text("label_zh", pairs_text(version[5]))  # '波利扬斯基先生' is one word to the names' analyzer
            document.add_text("text_zh", pairs_text(text))
            document.add_text("text_zh1", " ".join(HAN_CHARACTER.findall(text)))
        else:
            document.add_text(f"text_{language}", text)
    return document


def update_meetings(meeting_ids, wait=engine.LOCK_WAIT_SECONDS):
    """Write these meetings' turns anew (those deleted, removed). Never raises: a failure is logged,
    the import it follows stands, and `search_index --catch-up` mends the index."""
    meeting_ids = {pk for pk in meeting_ids if pk is not None}
    try:
        with engine.writing(wait) as writer:
            # Read under the lock: a later import's update, taking the lock first, must not be
            # overwritten by this one's older reading of the same meeting.
            documents = turn_documents(meeting_ids)
            schema = engine.open_index().schema
            for meeting in meeting_ids:  # by a query: a term of an int would be read as signed, and miss
                writer.delete_documents_by_query(tantivy.Query.term_query(schema, "meeting", meeting))
            for document in documents:
                writer.add_document(document)
        return True
    except Exception:  # the index is derived: an import never fails for it
        logger.exception("search index not updated for meetings %s; run search_index --catch-up",
                         sorted(meeting_ids))
        return False


def rebuild():
    """Every turn of the archive, written anew; returns the number of turns indexed."""
    ids = list(models.Meeting.objects.order_by("pk").values_list("pk", flat=True))
    written = 0
    with engine.writing() as writer:
        writer.delete_all_documents()
        for start in range(0, len(ids), BATCH):
            for document in turn_documents(ids[start:start + BATCH]):
                writer.add_document(document)
                written += 1
    return written


def indexed_stamps():
    """{meeting pk: stamp} as the index has them (an aggregation over the fast fields)."""
    index, searcher = engine.searcher()
    found = searcher.aggregate(tantivy.Query.all_query(), {
        "meetings": {"terms": {"field": "meeting", "size": 1_000_000},
                     "aggs": {"stamp": {"max": {"field": "stamp"}}}}})
    return {int(bucket["key"]): int(bucket["stamp"]["value"]) for bucket in found["meetings"]["buckets"]}


def compare():
    """(missing or stale meeting pks, pks the index has that the archive does not, turns in the archive,
    turns in the index)."""
    archive, index = stamps(), indexed_stamps()
    stale = {pk for pk, stamp in archive.items() if index.get(pk) != stamp}
    gone = set(index) - set(archive)
    turns = models.Speech.objects.canonical().count()
    _, searcher = engine.searcher()
    return stale, gone, turns, searcher.num_docs


def catch_up():
    """Index what compare() finds missing, stale or gone; returns the number of meetings written."""
    stale, gone, _, _ = compare()
    changed = stale | gone
    for start in range(0, len(changed), BATCH):
        if not update_meetings(sorted(changed)[start:start + BATCH]):
            raise RuntimeError("the search index could not be written; see the log")
    return len(changed)
