"""People: the Speakers that are one person, linked after a record's turns are written.

- Across meetings a Speaker is already one row (the same name key and State).
- Across the language versions of a meeting, turns that align (the same number of turns, the same
  role and State at each) are the same turns: their Speakers, one per script, are one Person.
- The members list prints the fullest name and title ("Mr. Vassily Nebenzia"), where a turn's label
  often has the surname only: a Person takes the member's name whose folded form ends with the
  Speaker's, for the same State, in each language.
"""
from records import languages, models
from records.ingest.speakers import aligned_speaker_ids
from records.parsing.labels import fold, name_key
from records.parsing.lexicon import LEXICONS


def link(record, meeting):
    """Give each Speaker of the record's turns a Person, merging those its aligned versions show to be one."""
    turns = list(record.speeches.filter(speaker__isnull=False).order_by("seq").only("seq", "speaker_id"))
    mine = {t.seq: t.speaker_id for t in turns}
    for seq, other in _aligned(record, meeting, mine).items():
        _same_person(_fresh(mine[seq]), _fresh(other))  # read again: an earlier merge may have moved them
    for speaker_id in set(mine.values()):
        speaker = _fresh(speaker_id)
        if speaker.person_id is None:
            _same_person(speaker, None)
    for person in models.Person.objects.filter(speakers__in=set(mine.values())).distinct():
        _fullest_names(person, meeting)


def _fresh(speaker_id):
    return models.Speaker.objects.select_related("person").get(pk=speaker_id)


def _aligned(record, meeting, mine):
    """{seq: Speaker id} of the same turns in the meeting's other versions, where they align turn for turn."""
    shape = list(record.speeches.order_by("seq").values_list("role", "country_id"))
    return {seq: speaker for seq, speaker in aligned_speaker_ids(meeting, record, shape).items() if seq in mine}


def _same_person(speaker, other):
    """Put `speaker` with `other`'s Person (merging two People into one), or give it a Person of its own."""
    if other is not None and other.pk == speaker.pk:
        other = None
    target = other.person if other is not None and other.person_id else None
    if target is None and speaker.person_id:
        target = speaker.person
    if target is None:
        target = models.Person.objects.create(name=speaker.name, country_id=speaker.country_id)
    for one in (speaker, other):
        if one is None or one.person_id == target.pk:
            continue
        if one.person_id:  # two People that are one: keep the target, move the other's Speakers
            old = one.person_id
            models.Speaker.objects.filter(person_id=old).update(person=target)
            models.Person.objects.filter(pk=old).delete()
        else:
            models.Speaker.objects.filter(pk=one.pk).update(person=target)
        one.person_id, one.person = target.pk, target


def _fullest_names(person, meeting):
    """The members list's names for this Person's State, where they end with one of its Speakers' names."""
    speakers = list(person.speakers.all())
    names = dict(person.names)
    member = meeting.members.filter(country_id=person.country_id).first() if person.country_id else None
    if member is not None:
        for language, printed in (member.names or {}).items():
            lexicon = LEXICONS.get(language)
            if lexicon is None or not printed:
                continue
            for speaker in speakers:
                if _fuller(printed, speaker.name, lexicon) and len(printed) > len(names.get(language, "")):
                    names[language] = printed
    spoken = [s.name for s in sorted(speakers, key=lambda s: s.pk)]  # the first imported first
    person.names = names
    printed = next((names[code] for code in (languages.PREFERRED, *languages.CODES) if code in names), None)
    person.name = printed or next(iter(spoken), person.name)
    person.search_text = " | ".join(fold(n) for n in {*names.values(), *spoken})
    person.save(update_fields=["names", "name", "search_text"])


def _fuller(printed, spoken, lexicon):
    """Whether the members list's 'Mr. Vassily Nebenzia' names the speaker 'Nebenzia' (each of two who
    shared the chair: 'M. Landau/M. Waltz' and 'Landau/Waltz')."""
    printed_parts, spoken_parts = printed.split("/"), spoken.split("/")
    if len(printed_parts) != len(spoken_parts):
        return False
    keys = [(name_key(full, lexicon), name_key(short, lexicon)) for full, short in zip(printed_parts, spoken_parts)]
    return all(short and full.endswith(short) for full, short in keys)


def rebuild():
    """Link every record's Speakers again, meeting by meeting, versions in the order they came: the
    People are derived from the turns, so they can always be made anew. Returns the number of People."""
    models.Speaker.objects.update(person=None)
    models.Person.objects.all().delete()
    for meeting in models.Meeting.objects.order_by("pk").iterator(chunk_size=200):
        for record in meeting.records.order_by("imported_at", "pk"):
            link(record, meeting)
    return models.Person.objects.count()
