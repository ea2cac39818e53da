"""Who speaks: a label resolved against the cover's President and members.

role: 'president' for the presiding officer's turns; 'member' for a Council
member's representative; 'invited' for a State that is not a member (rule 37);
'briefer' for anyone without a State (officials, organisations, civil society).

Each turn also gets its speaker's identity (name, State, organisation and a stable
key), decided here once: ingest only looks the key up or creates it.
"""
import re
import unicodedata

from records.parsing.countries import index_for
from records.parsing.labels import name_key, strip_honorific
from records.parsing.model import Speaker, Speech

KEY_LENGTH = 200


class Speakers:
    def __init__(self, cover, lexicon):
        self.lexicon = lexicon
        self.index = index_for(lexicon.code)
        self.president = cover.president
        self.council = {m.country for m in cover.members} | {cover.president.country}
        self.by_name = {}
        for member in [cover.president] + list(cover.members):
            for name in member.name.split("/"):  # 'Mr. Landau/Mr. Waltz'
                key = name_key(name, lexicon)
                if key:
                    self.by_name.setdefault(key, member.country)

    def speech(self, seq, label, text, record_language):
        speech = Speech(seq=seq, label=label.text, name=label.name, country=None, organization=None,
                        role="briefer", national_capacity=False,
                        spoken_language=label.spoken_language or record_language, text=text)
        if label.kind == "president":
            speech.role = "president"
            speech.country = self.president.country
            speech.national_capacity = any(self.lexicon.rx(p).search(text) for p in self.lexicon.national_capacity)
        elif label.kind == "office":
            speech.organization = label.organization
        else:
            speech.country, speech.organization = self._affiliation(label)
            if speech.country:
                speech.role = "member" if speech.country in self.council else "invited"
        speech.speaker = self.identity(speech)
        return speech

    def identity(self, speech):
        """The Speaker of a turn; None when nobody is named. Where two people shared the chair
        ('Mr. Landau/Mr. Waltz'), the President's turns are the chair's: both names, one Speaker."""
        name, country = speech.name, speech.country
        if speech.role == "president":
            name = "/".join(strip_honorific(part, self.lexicon) for part in self.president.name.split("/"))
        elif country is None and name:
            # A representative speaking as a committee's chair is still that representative.
            country = self.by_name.get(name_key(name, self.lexicon))
        key = slug(f"{name} {country or ''}")[:KEY_LENGTH] if name else ""
        return Speaker(key=key, name=name, country=country, organization=speech.organization) if key else None

    def _affiliation(self, label):
        """(country, organisation) for a person's label."""
        if not label.paren:
            return None, None  # no State named: speaking as an official or a chair
        country = self.index.resolve(label.paren) or self._council_short_form(label.paren)
        if country:
            return country, None
        # A bracket that names no State: an organisation, or a typo for the speaker's own
        # State ('菲普斯先生(联合国)' for the United Kingdom), recognised by the speaker's name.
        by_name = self.by_name.get(name_key(label.name, self.lexicon))
        if by_name:
            return by_name, None
        return None, label.paren

    def _council_short_form(self, text):
        """'United Kingdom' for 'United Kingdom of Great Britain and Northern Ireland': a member's name begins so."""
        key = self.index.key(text)
        if len(key) < 4:
            return None
        matches = [c for c in self.council if self.index.key(self.index.name(c)).startswith(key)]
        return matches[0] if len(matches) == 1 else None


def slug(text):
    """A URL slug in any script: 'Nebenzia RUS' -> 'nebenzia-rus', '波利扬斯基 RUS' -> '波利扬斯基-rus'.

    The same rule as Django's slugify(allow_unicode=True), so that keys stay those already stored.
    """
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")
