"""The tables the site exports, defined once: the columns of each and how a row is read. Used by the
page exports (?format=csv|json), by `manage.py export_dataset` and described in its codebook."""
from dataclasses import dataclass

from records.models.choices import Position


@dataclass(frozen=True)
class Table:
    name: str
    columns: dict  # column -> what it holds (the codebook's words)
    row: object  # (object, absolute) -> {column: value}; absolute turns a path into a full URL


def _time(value):
    return value.strftime("%H:%M") if value else None


def _meeting_row(m, absolute):
    return {"symbol": m.symbol, "number": m.number, "resumption": m.resumption, "date": m.date.isoformat(),
            "scheduled": _time(m.scheduled), "president": m.president_country_id,
            "agenda": " | ".join(m.agenda_titles), "languages": " ".join(m.languages),
            "votes": m.vote_count, "url": absolute(m.get_absolute_url())}


MEETINGS = Table("meetings", {
    "symbol": "the meeting's record symbol, S/PV.NNNN, with '(Resumption k)' for a resumed meeting",
    "number": "the meeting number", "resumption": "the resumption number, empty for the meeting itself",
    "date": "the meeting's date, YYYY-MM-DD", "scheduled": "the time printed on the cover, HH:MM (local)",
    "president": "ISO 3166 alpha-3 code of the State holding the presidency",
    "agenda": "the agenda items' first lines, separated by ' | '", "languages": "language versions held",
    "votes": "number of votes taken", "url": "the meeting's page",
}, _meeting_row)


def _speech_row(s, absolute):
    meeting = s.record.meeting
    return {"meeting": meeting.symbol, "date": meeting.date.isoformat(), "seq": s.seq, "speaker": s.label,
            "country": s.country_id, "organization": s.organization, "role": s.role,
            "national_capacity": s.national_capacity, "language": s.record.language,
            "spoken_language": s.spoken_language, "page": s.page, "url": absolute(s.get_absolute_url()),
            "text": s.text}


SPEECHES = Table("speeches", {
    "meeting": "the record symbol", "date": "the meeting's date", "seq": "the turn's number in the meeting",
    "speaker": "the speaker's label as printed", "country": "ISO3 code of the State the speaker represents",
    "organization": "the organisation of a speaker without a State", "role":
    "president, member (Council member), invited (rule 37) or briefer", "national_capacity":
    "true where the President spoke as the representative of their State", "language": "the record's language",
    "spoken_language": "the language the speech was delivered in", "page": "the page where the turn begins",
    "url": "the speech's page, in every language", "text": "the text of the turn in this language version",
}, _speech_row)


def _ballot_row(b, absolute):
    vote = b.vote
    return {"meeting": vote.meeting.symbol, "date": vote.meeting.date.isoformat(), "vote": vote.seq,
            "subject": vote.subject, "draft": vote.draft, "outcome": vote.outcome,
            "resolution": vote.resolution.number if vote.resolution else None, "country": b.country_id,
            "position": b.position, "veto": b.veto, "url": absolute(vote.meeting.get_absolute_url())}


BALLOTS = Table("ballots", {
    "meeting": "the record symbol", "date": "the meeting's date", "vote": "the vote's number in the meeting",
    "subject": "draft resolution, amendment, procedural, agenda or other", "draft": "the symbol voted on",
    "outcome": "adopted or not adopted", "resolution": "the resolution number adopted", "country": "ISO3 code",
    "position": "in_favour, against or abstaining", "veto": "true for a permanent member's vote against a draft "
    "that failed though it had nine votes in favour", "url": "the meeting's page",
}, _ballot_row)


def _vote_row(v, absolute):
    positions = {position: [] for position in Position.values}
    for ballot in v.ballots.all():
        positions[ballot.position].append(ballot.country_id)
    return {"meeting": v.meeting.symbol, "date": v.meeting.date.isoformat(), "vote": v.seq, "subject": v.subject,
            "draft": v.draft, "outcome": v.outcome, "resolution": v.resolution.number if v.resolution else None,
            **{key: " ".join(sorted(codes)) for key, codes in positions.items()},
            "vetoed_by": " ".join(sorted(b.country_id for b in v.ballots.all() if b.veto)),
            "after_speech": v.after_speech, "url": absolute(v.meeting.get_absolute_url())}


VOTES = Table("votes", {
    "meeting": "the record symbol", "date": "the meeting's date", "vote": "the vote's number in the meeting",
    "subject": "draft resolution, amendment, procedural, agenda or other", "draft": "the symbol voted on",
    "outcome": "adopted or not adopted", "resolution": "the resolution number adopted",
    "in_favour": "ISO3 codes voting in favour", "against": "ISO3 codes voting against",
    "abstaining": "ISO3 codes abstaining", "vetoed_by": "ISO3 codes of permanent members whose vote was a veto",
    "after_speech": "seq of the speech the vote follows", "url": "the meeting's page",
}, _vote_row)


def _country_row(c, absolute):
    return {"iso3": c.iso3, "m49": c.m49, "status": c.status, **{f"name_{code}": getattr(c, f"name_{code}")
                                                                for code in ("en", "fr", "es", "ru", "zh", "ar")},
            "url": absolute(c.get_absolute_url())}


COUNTRIES = Table("countries", {
    "iso3": "ISO 3166 alpha-3 code", "m49": "UN M49 code", "status": "member (Member State) or observer",
    **{f"name_{code}": f"short name in {name}" for code, name in
       (("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ru", "Russian"), ("zh", "Chinese"),
        ("ar", "Arabic"))},
    "url": "the State's page",
}, _country_row)


def _resolution_row(r, absolute):
    votes = list(r.adopting_votes.all())
    return {"number": r.number, "year": r.year, "symbol": r.symbol,
            "adopted_at": " ".join(v.meeting.symbol for v in votes), "url": absolute(r.get_absolute_url())}


RESOLUTIONS = Table("resolutions", {
    "number": "the resolution's number", "year": "the year it was adopted (as first cited)",
    "symbol": "S/RES/NNNN(YYYY)", "adopted_at": "the meeting(s) whose vote adopted it", "url": "its page",
}, _resolution_row)


def _record_row(r, absolute):
    return {"meeting": r.meeting.symbol, "language": r.language, "status": r.status, "job_number": r.job_number,
            "pages": r.pages, "sha256": r.sha256, "size": r.size, "parser_version": r.parser_version,
            "imported_at": r.imported_at.isoformat(), "url": absolute(r.meeting.get_absolute_url())}


RECORDS = Table("records", {
    "meeting": "the record symbol", "language": "the language version", "status": "provisional or final",
    "job_number": "the UN job number printed on it", "pages": "pages of the file", "sha256": "the file's checksum",
    "size": "the file's size in bytes", "parser_version": "the parser that read it",
    "imported_at": "when it was imported (UTC)", "url": "the meeting's page",
}, _record_row)
