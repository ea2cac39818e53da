"""The archive's data model, one module per subject; import from here.

Speeches belong to a Record; the same turn in another language has the same seq, so `seq`
is the speech's identity across languages and across re-imports (its permalink is
/meetings/N/#s<seq>). The database enforces what must hold: named unique and check
constraints, whose allowed values come from records.models.choices and records.languages.
"""
from records.models.choices import (CountryStatus, ItemState, Outcome, Position, RecordStatus, Role, RunKind,
                                    RunStatus, Subject, VersionState)
from records.models.derived import DerivedFigures
from records.models.harvest import HarvestItem, HarvestRun, SourceDocument
from records.models.meetings import VETOED, VOTE_OUTCOMES, AgendaItem, Meeting, MeetingQuerySet, Member, Record
from records.models.reference import Country, FormerName, Resolution
from records.models.speeches import DocumentMention, Person, ResolutionMention, Speaker, Speech, SpeechQuerySet
from records.models.versions import RecordVersion, UnreadableVersion, record_upload_path
from records.models.votes import Ballot, Vote

__all__ = [
    "AgendaItem", "Ballot", "Country", "CountryStatus", "DerivedFigures", "DocumentMention", "FormerName", "HarvestItem", "HarvestRun",
    "ItemState", "RunKind", "RunStatus", "SourceDocument", "Meeting", "MeetingQuerySet", "Member",
    "Outcome", "Person", "Position", "Record", "RecordStatus", "RecordVersion", "Resolution", "ResolutionMention", "Role",
    "Speaker", "Speech", "SpeechQuerySet", "Subject", "UnreadableVersion", "VETOED", "VOTE_OUTCOMES",
    "VersionState", "Vote", "record_upload_path",
]
